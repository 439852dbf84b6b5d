package dev.jobalerts.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command of jobalerts.jar, found by walking the command tree, so a new one is covered without listing it. */
class CliTest {

    /** Each command's words after the jar: "serve", "sources add", "bench coldstart" … */
    static Stream<String> commands() {
        CommandLine root = Cli.commandLine(new JobAlertsCommand(new Terminal(System.in, System.out, System.err, Map.of())),
                new Terminal(System.in, System.out, System.err, Map.of()));
        List<String> paths = new ArrayList<>();
        collect(root, paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) return;
            paths.add(UsageErrors.path(sub.getCommandSpec()));
            collect(sub, paths);
        });
    }

    @Test
    void commands_coverTheLocalCloudToolsOperatorCommandsAndBenchmarks() {
        assertThat(commands()).contains("demo", "serve", "parse", "match", "sources", "sources add", "sources import", "fetch",
                "reparse", "postings split", "subscribers delete", "bench match", "bench coldstart");
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void everyCommand_answersHelp_withItsUsage_andExitZero(String path) {
        CommandRun run = CommandRun.of(words(path, "--help"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: java -jar jobalerts.jar " + path);
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0} --no-such-option")
    @MethodSource("commands")
    void everyCommand_refusesAnUnknownOption_withOneLineNamingIt_andExitTwo(String path) {
        CommandRun run = CommandRun.of(words(path, "--no-such-option"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: unknown option for " + path + ": --no-such-option (see: " + path + " --help)"
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noCommand_printsTheOverviewOnStderr_andExitsTwo() {
        CommandRun run = CommandRun.of();

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: java -jar jobalerts.jar").contains("serve").contains("sources").contains("bench");
    }

    @Test
    void help_printsTheOverview_andExitsZero() {
        for (String help : List.of("help", "--help", "-h")) {
            CommandRun run = CommandRun.of(help);
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("Commands:").contains("reparse");
        }
    }

    @Test
    void unknownCommand_exitsTwo() {
        CommandRun run = CommandRun.of("frobnicate");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: unknown command: frobnicate");
    }

    @Test
    void groupOfActions_withoutOne_exitsTwoListingThem() {
        CommandRun run = CommandRun.of("postings");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("missing postings action: one of list, show, split");
    }

    private static String[] words(String path, String last) {
        return Stream.concat(Stream.of(path.split(" ")), Stream.of(last)).toArray(String[]::new);
    }
}
