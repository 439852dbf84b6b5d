package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.fetcher.FetchRun;
import dev.jobalerts.json.Json;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.SubscriptionService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the local cloud, as {@code demo} runs it: real DynamoDB Local streams, the pollers playing
 * the template's event source mappings, the outbox for SES. Then the same streams replayed from the start, and a
 * second fetch of unchanged pages: neither may store a posting or send an email twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {
    @TempDir
    static Path outbox;
    static LocalCloud cloud;
    static Outbox mail;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outbox));
        mail = new Outbox(outbox);
        var sources = new SourceStore(cloud.dynamo(), cloud.tables().sources());
        SampleBoard.sources(cloud.boardUrl()).forEach(sources::saveDefinition);
        SavedSearch search = Json.mapper().readValue(Demo.DEMO_SEARCH, SavedSearch.class);
        var signUp = cloud.subscriptions().signUp(Demo.DEMO_EMAIL, search, Frequency.INSTANT, cloud.apiUrl());
        assertThat(signUp).isInstanceOf(SubscriptionService.SignUp.Accepted.class);
        cloud.drainStreams();
        String link = mail.latestConfirmLink(Demo.DEMO_EMAIL).orElseThrow();
        String token = java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cloud.subscriptions().confirm(token)).isInstanceOf(SubscriptionService.Confirmation.Confirmed.class);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    @Order(1)
    void fetchParseMatch_storesEverySamplePosting_andMailsOneAlertWithEveryMatch() throws Exception {
        FetchRun.Summary fetch = cloud.fetch(Set.of(), line -> { });
        cloud.drainStreams();

        assertThat(fetch.changed()).isEqualTo(7);
        assertThat(fetch.detailPages()).isEqualTo(6);
        assertThat(count(cloud.tables().postings())).isEqualTo(23);
        assertThat(count(cloud.tables().deliveries())).isEqualTo(7);
        assertThat(mail.alerts()).hasSize(1);
        String alert = Files.readString(mail.alerts().get(0));
        assertThat(alert).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click").contains("To: " + Demo.DEMO_EMAIL);
        assertThat(cloud.deadLetters()).isEmpty();
    }

    @Test
    @Order(2)
    void replayOfEveryStreamRecord_storesNoDuplicatePosting_andSendsNoSecondEmail() {
        int replayed = cloud.replayStreams();

        assertThat(replayed).isEqualTo(cloud.pollers().stream().mapToInt(p -> p.recordsDelivered()).sum());
        assertThat(count(cloud.tables().postings())).isEqualTo(23);
        assertThat(count(cloud.tables().deliveries())).isEqualTo(7);
        assertThat(mail.alerts()).hasSize(1);
    }

    @Test
    @Order(3)
    void secondFetchOfUnchangedPages_writesNoSnapshot_andTriggersNoParse() {
        int parserInvocations = parserPoller().invocations();

        // Every source was just fetched, so none is due: name them to fetch them now, as `fetch ID…` does.
        Set<String> all = Set.of("tidewater-freight", "bright-meadow", "quarry-lane", "coastal-code", "piedmont-tech", "harbor-pine",
                "lakeshore-analytics");
        FetchRun.Summary again = cloud.fetch(all, line -> { });
        cloud.drainStreams();

        assertThat(again.changed()).isZero();
        assertThat(again.notModified() + again.unchanged()).isEqualTo(7);
        assertThat(parserPoller().invocations()).isEqualTo(parserInvocations);
        assertThat(mail.alerts()).hasSize(1);
    }

    private static dev.jobalerts.local.cloud.StreamPoller parserPoller() {
        return cloud.pollers().stream().filter(p -> p.mapping().function().equals("ParserFunction")).findFirst().orElseThrow();
    }

    private static int count(String table) {
        return cloud.dynamo().scan(b -> b.tableName(table).select("COUNT")).count();
    }
}
