package dev.jobalerts.local.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * Wires a command for picocli the way jobalerts.jar runs it: commands built with the {@link Terminal}, output to its
 * streams, {@link UsageErrors} and {@link CommandFailures} for the exit codes, {@code -h/--help} on every command, and the
 * list of environment variables in the help of commands that read {@link EnvironmentDefaults}.
 */
public final class Cli {
    static final int HELP_WIDTH = 110;
    private static final String ENVIRONMENT_SECTION = "environment";

    private Cli() {}

    /** {@code command} with its subcommands; the whole CLI is {@link JobAlertsCommand}, a test may take one command. */
    public static CommandLine commandLine(Object command, Terminal terminal) {
        CommandLine cli = new CommandLine(command, new CommandFactory(terminal));
        cli.setOut(writer(terminal.out()));
        cli.setErr(writer(terminal.err()));
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setExecutionExceptionHandler(new CommandFailures());
        cli.setUsageHelpWidth(HELP_WIDTH);
        decorate(cli);
        return cli;
    }

    private static void decorate(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        // Options in the order they are declared: the important ones first, as a person reads them.
        spec.usageMessage().sortOptions(false).sortSynopsis(false);
        if (!(command.getCommand() instanceof CommandLine.HelpCommand))
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help and exit").build());
        if (command.getDefaultValueProvider() instanceof EnvironmentDefaults) {
            command.getHelpSectionMap().put(ENVIRONMENT_SECTION, Cli::environmentSection);
            var keys = new java.util.ArrayList<>(command.getHelpSectionKeys());
            keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), ENVIRONMENT_SECTION);
            command.setHelpSectionKeys(keys);
        }
        command.getSubcommands().values().forEach(Cli::decorate);
    }

    /** Every option's variable, generated from the options themselves so the list cannot leave one out. */
    private static String environmentSection(CommandLine.Help help) {
        StringBuilder text = new StringBuilder("%nEnvironment variables (a flag wins over its variable, the variable over the default):%n".formatted());
        for (OptionSpec option : help.commandSpec().options()) {
            if (option.usageHelp()) continue;
            text.append("  %-28s %s%n".formatted(EnvironmentDefaults.variable(option), option.longestName()));
        }
        return text.toString();
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
