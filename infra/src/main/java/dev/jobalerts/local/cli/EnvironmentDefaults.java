package dev.jobalerts.local.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Default values from the environment, for a command that declares this provider: option {@code --dynamo-port} reads
 * {@code JOBALERTS_DYNAMO_PORT}, so a systemd unit or a container sets it without a long command line. A flag wins
 * over its variable, the variable over the option's declared default. The name follows from the option by one rule, so
 * no option can lack its variable, and the help lists them all (see {@link Cli}).
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {
    private final Map<String, String> env;

    EnvironmentDefaults(Terminal terminal) {
        this.env = terminal.env();
    }

    public static String variable(OptionSpec option) {
        return "JOBALERTS_" + option.longestName().replaceFirst("^-+", "").toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp()) return null;
        String variable = variable(option);
        String value = env.get(variable);
        if (value == null || value.isBlank()) return null;
        return option.arity().max() == 0 ? Boolean.toString(isTrue(option, variable, value)) : value.strip();
    }

    /** A switch's variable says yes or no the ways people write it; anything else is refused, not read as false. */
    private static boolean isTrue(OptionSpec option, String variable, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new ParameterException(option.command().commandLine(), variable + " must be true or false: " + value);
        };
    }
}
