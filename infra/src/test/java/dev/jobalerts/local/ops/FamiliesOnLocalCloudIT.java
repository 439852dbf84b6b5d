package dev.jobalerts.local.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.fetcher.FakeBoard;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.LocalCloud;
import dev.jobalerts.local.Outbox;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.SubscriptionService;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Paste a careers URL, get alerts", for every board family: on the local cloud, the operator runs
 * {@code sources add <careers URL>} (the family is detected from the URL alone) and {@code fetch}, the stream pollers
 * run the parser and the matcher, and a subscriber whose search matches everything gets the new postings in an
 * alert. Each family's API is its {@link FakeBoard} script on loopback, reached through {@code --connect-to}.
 */
class FamiliesOnLocalCloudIT {
    static final String EMAIL = "everything@example.com";

    @TempDir
    static Path outbox;
    static LocalCloud cloud;
    static Outbox mail;

    @BeforeAll
    static void start() throws IOException {
        cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outbox));
        mail = new Outbox(outbox);
        SavedSearch everything = Json.mapper().readValue("{\"id\":\"everything\"}", SavedSearch.class);
        assertThat(cloud.subscriptions().signUp(EMAIL, everything, Frequency.INSTANT, cloud.apiUrl()))
                .isInstanceOf(SubscriptionService.SignUp.Accepted.class);
        cloud.drainStreams();
        String link = mail.latestConfirmLink(EMAIL).orElseThrow();
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
        assertThat(cloud.subscriptions().confirm(token)).isInstanceOf(SubscriptionService.Confirmation.Confirmed.class);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static Stream<String> scripts() throws IOException {
        return FakeBoard.scripts().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void sourcesAddThenFetch_detectsTheFamily_andItsPostingsReachTheSubscriber(String name) throws IOException {
        JsonNode script = FakeBoard.script(name);
        ObjectNode definition = ((ObjectNode) script.get("source")).deepCopy();
        String url = definition.remove("url").asText();
        String id = definition.path("id").asText();
        definition.remove("id");
        Path config = outbox.resolveSibling(name + "-config.json");
        Files.writeString(config, definition.toString());
        int alertsBefore = mail.alerts().size();

        try (FakeBoard board = new FakeBoard(FakeBoard.routes(script))) {
            Map<String, String> env = new LinkedHashMap<>();
            script.path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            env.put(ConnectTo.VARIABLE, FakeBoard.hosts(script).stream().map(h -> h + "=" + board.origin()).collect(Collectors.joining(",")));

            LocalStore.Run add = cli(env, "sources", "add", url, "--id", id, "--config", config.toString(), "--delay", "5ms");
            assertThat(add.code()).as(add.err()).isZero();
            assertThat(add.out()).containsPattern("found +\\S+: .*\\d+ postings?").contains("added " + id);

            LocalStore.Run fetch = cli(env, "fetch", id);
            assertThat(fetch.code()).as(fetch.err()).isZero();
            assertThat(fetch.out()).contains("fetch  " + id + ": changed");
            assertThat(board.unmatched()).isEmpty();
        }
        cloud.drainStreams();

        List<String> expected = Json.mapper().convertValue(script.path("expect").path("postings"), List.class);
        PostingStore postings = new PostingStore(cloud.dynamo(), cloud.tables().postings());
        String title = postings.find(expected.get(0)).orElseThrow().posting().title();
        List<Path> alerts = mail.alerts();
        assertThat(alerts).hasSizeGreaterThan(alertsBefore);
        // A long listing reaches the matcher in several stream batches, each its own email.
        StringBuilder fresh = new StringBuilder();
        for (Path alert : alerts.subList(alertsBefore, alerts.size())) fresh.append(Files.readString(alert));
        assertThat(fresh).contains("To: " + EMAIL);
        assertThat(fresh.toString().replace("=\r\n", "").replace("=\n", "")).contains(firstWord(title));
        assertThat(cloud.deadLetters()).isEmpty();
    }

    private static LocalStore.Run cli(Map<String, String> env, String command, String... args) {
        String[] withEndpoint = Stream.concat(Stream.of(args), Stream.of("--endpoint", cloud.dynamoEndpoint())).toArray(String[]::new);
        return LocalStore.Run.of(command, withEndpoint, env);
    }

    /** A word of the title, robust to how the email's transfer encoding folds long lines. */
    private static String firstWord(String title) {
        return title.split("[^\\p{L}\\p{N}]+")[0];
    }
}
