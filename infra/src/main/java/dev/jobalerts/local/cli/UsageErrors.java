package dev.jobalerts.local.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * A command line picocli could not parse: one line on stderr saying what to fix and where the help is, exit code 2.
 * Every command words its usage errors alike because they all come through here.
 */
public final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    static final int EXIT_CODE = 2;
    /** picocli's wording when a command that only groups actions is given none. */
    private static final String NO_SUBCOMMAND = "Missing required subcommand";

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("error: " + message(e, args) + " (see: " + path(command.getCommandSpec()) + " --help)");
        return EXIT_CODE;
    }

    static String message(ParameterException e, String[] args) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e instanceof UnmatchedArgumentException unmatched) return unmatched(spec, unmatched.getUnmatched().get(0));
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            // picocli reports what is missing before what is unknown; a mistyped option is the likelier mistake.
            String unknown = unknownOption(spec, args);
            return unknown != null ? unmatched(spec, unknown) : missing(missing.getMissing(), args);
        }
        if (e.getCause() instanceof TypeConversionException invalid && e.getArgSpec() != null) return invalid(e.getArgSpec(), invalid.getMessage());
        if (e.getMessage() != null && e.getMessage().startsWith(NO_SUBCOMMAND)) return missingAction(spec).getMessage();
        return e.getMessage();
    }

    /** For a command that only groups actions and was given none; thrown from its call, it is reported here too. */
    public static ParameterException missingAction(CommandSpec spec) {
        return new ParameterException(spec.commandLine(), "missing " + path(spec) + " action: one of " + actions(spec));
    }

    /** The words after the jar: {@code sources list}, what a person types. */
    public static String path(CommandSpec spec) {
        String root = spec.root().name();
        String qualified = spec.qualifiedName();
        return qualified.equals(root) ? root : qualified.substring(root.length() + 1);
    }

    private static String unmatched(CommandSpec spec, String word) {
        if (word.startsWith("-")) return "unknown option for " + path(spec) + ": " + word;
        if (spec.root() == spec) return "unknown command: " + word;
        if (!spec.subcommands().isEmpty()) return "unknown " + path(spec) + " action: " + word + "; one of " + actions(spec);
        return "unexpected argument for " + path(spec) + ": " + word;
    }

    private static String unknownOption(CommandSpec spec, String[] args) {
        for (String word : args) {
            if (!word.startsWith("-") || word.equals("-")) continue;
            int eq = word.indexOf('=');
            if (spec.findOption(eq < 0 ? word : word.substring(0, eq)) == null) return word;
        }
        return null;
    }

    /** An option given last without its value, or a required option or parameter left out. */
    private static String missing(List<ArgSpec> missing, String[] args) {
        List<String> words = Arrays.asList(args);
        for (ArgSpec arg : missing)
            if (arg instanceof OptionSpec option && Arrays.stream(option.names()).anyMatch(words::contains))
                return option.longestName() + " needs a value (" + option.paramLabel() + ")";
        return "missing " + missing.stream().map(UsageErrors::name).collect(Collectors.joining(", "));
    }

    /**
     * Converters word their messages to follow the option's name ("must be a port number …"); a message that comes
     * from elsewhere (a record's validation) is quoted after a colon.
     */
    private static String invalid(ArgSpec arg, String message) {
        return name(arg) + (message.startsWith("must ") ? " " : ": ") + message;
    }

    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec option) return option.longestName();
        // Positional labels are written <like this> so the usage line reads; the message drops the brackets.
        return ((PositionalParamSpec) arg).paramLabel().replaceAll("^<|>$", "");
    }

    private static String actions(CommandSpec spec) {
        return spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).collect(Collectors.joining(", "));
    }
}
