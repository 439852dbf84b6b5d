package dev.jobalerts.local.cli;

import dev.jobalerts.local.Demo;
import dev.jobalerts.local.ServeCommand;
import dev.jobalerts.local.bench.BenchCommand;
import dev.jobalerts.local.ops.FetchCommand;
import dev.jobalerts.local.ops.PostingsCommand;
import dev.jobalerts.local.ops.ReparseCommand;
import dev.jobalerts.local.ops.SourcesCommand;
import dev.jobalerts.local.ops.SubscribersCommand;
import dev.jobalerts.local.tools.MatchCommand;
import dev.jobalerts.local.tools.ParseCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code java -jar jobalerts.jar COMMAND}: the local cloud, offline tools, operator commands and benchmarks. */
@Command(name = "java -jar jobalerts.jar",
        description = "Job alerts on this machine: the local cloud, offline tools, operator commands for a local or deployed stack, and benchmarks.",
        commandListHeading = "%nCommands:%n",
        subcommands = {Demo.class, ServeCommand.class, ParseCommand.class, MatchCommand.class, SourcesCommand.class,
                FetchCommand.class, ReparseCommand.class, PostingsCommand.class, SubscribersCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Each command has --help. Exit codes: 0 done, 2 bad usage or input, 1 failure."})
public final class JobAlertsCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;

    JobAlertsCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** No command: the overview on stderr, and exit 2, as a script that forgot the command should see. */
    @Override
    public Integer call() {
        spec.commandLine().usage(terminal.err());
        return UsageErrors.EXIT_CODE;
    }
}
