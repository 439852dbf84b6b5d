package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.local.cli.Cli;
import dev.jobalerts.local.cli.EnvironmentDefaults;
import dev.jobalerts.local.cli.Main;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cloud.LocalDynamo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/** {@code serve}'s settings (flags, variables, defaults, help) and the refusals that come before anything starts. */
class ServeCommandTest {
    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {}

    static Run serve(String... args) {
        String[] all = Stream.concat(Stream.of("serve"), Stream.of(args)).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The settings serve would run with, read as jobalerts.jar reads them, with {@code env} as the environment. */
    static ServeOptions parse(String[] args, Map<String, String> env) {
        Terminal terminal = new Terminal(System.in, System.out, System.err, env);
        ServeCommand command = new ServeCommand(terminal);
        Cli.commandLine(command, terminal).parseArgs(args);
        return command.settings();
    }

    @Test
    void help_listsEveryFlagWithItsVariable() {
        Run run = serve("--help");

        assertThat(run.exit()).isZero();
        Terminal terminal = new Terminal(System.in, System.out, System.err, Map.of());
        List<OptionSpec> options = Cli.commandLine(new ServeCommand(terminal), terminal).getCommandSpec().options();
        assertThat(options).hasSizeGreaterThan(10);
        for (OptionSpec option : options) {
            if (option.usageHelp()) continue;
            assertThat(run.out()).contains(option.longestName()).containsPattern(EnvironmentDefaults.variable(option) + " +" + option.longestName());
        }
        assertThat(run.out()).contains("JOBALERTS_SMTP_PASSWORD").contains("--data=DIR").contains("JOBALERTS_DATA");
    }

    @Test
    void parse_takesFlagsOverVariablesOverDefaults() {
        Map<String, String> env = Map.of("JOBALERTS_DATA", "/var/lib/jobalerts", "JOBALERTS_PORT", "4000", "JOBALERTS_TICK", "15m",
                "JOBALERTS_FROM", "alerts@example.org", "JOBALERTS_TRUSTED_PROXY", "10.0.0.1, 10.0.0.2",
                "JOBALERTS_PUBLIC_URL", "https://alerts.example.org/");

        ServeOptions options = parse(new String[] {"--port", "5000"}, env);

        assertThat(options.port()).isEqualTo(5000);
        assertThat(options.data()).isEqualTo(Path.of("/var/lib/jobalerts"));
        assertThat(options.tick()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.from()).isEqualTo("alerts@example.org");
        assertThat(options.trustedProxies()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(options.publicUrl()).isEqualTo("https://alerts.example.org");
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.dynamoPort()).isEqualTo(Serve.DEFAULT_DYNAMO_PORT);
        assertThat(options.smtp()).isNull();
    }

    @Test
    void samples_areOnInMemory_andOffWithData_unlessSaidOtherwise() {
        assertThat(parse(new String[0], Map.of()).samples()).isTrue();
        assertThat(parse(new String[] {"--no-samples"}, Map.of()).samples()).isFalse();
        assertThat(parse(new String[] {"--data", "d"}, Map.of()).samples()).isFalse();
        assertThat(parse(new String[] {"--data", "d", "--samples"}, Map.of()).samples()).isTrue();
        assertThat(parse(new String[] {"--data", "d"}, Map.of("JOBALERTS_SAMPLES", "yes")).samples()).isTrue();
        assertThatThrownBy(() -> parse(new String[0], Map.of("JOBALERTS_NO_SAMPLES", "maybe")))
                .hasMessageContaining("JOBALERTS_NO_SAMPLES must be true or false");
    }

    @Test
    void smtp_takesThePasswordFromItsVariable() {
        ServeOptions options = parse(new String[] {"--smtp", "smtp://me@mail.example.org:587"},
                Map.of("JOBALERTS_SMTP_PASSWORD", "pw"));
        assertThat(options.smtp().password()).isEqualTo("pw");
        assertThat(options.smtp()).hasToString("smtp://me@mail.example.org:587");
    }

    @Test
    void badSettings_exitTwoNamingTheSetting() {
        assertThat(serve("--port", "http").err()).contains("--port must be a port number");
        assertThat(serve("--public-url", "alerts.example.org").exit()).isEqualTo(2);
        assertThat(serve("--tick").err()).contains("--tick needs a value");
        Run unknown = serve("--dta", "x");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option for serve: --dta").contains("serve --help");
        assertThat(serve("--smtp", "mail.example.org:25").err()).contains("smtp://");
    }

    @Test
    void data_thatIsAForeignDirectory_exitsTwo_andTouchesNothing() throws IOException {
        Path home = Files.createDirectory(temp.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "draft");

        Run run = serve("--data", home.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is not a jobalerts data directory").doesNotContain("\tat ");
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet())).isEqualTo(Set.of("thesis.tex"));
        }
    }

    @Test
    void data_thatCannotBeCreated_exitsTwo() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "x");

        Run run = serve("--data", file.resolve("data").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot create the data directory");
    }

    @Test
    void smtp_thatIsDown_exitsOne_beforeAnythingStarts() {
        int closedPort = LocalDynamo.freePort();

        Run run = serve("--smtp", "smtp://127.0.0.1:" + closedPort, "--dynamo-port", "0", "--port", "0", "--board-port", "0");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach the SMTP server smtp://127.0.0.1:" + closedPort).doesNotContain("\tat ");
    }
}
