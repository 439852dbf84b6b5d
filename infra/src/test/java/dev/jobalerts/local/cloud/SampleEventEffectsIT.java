package dev.jobalerts.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.LocalCloud;
import dev.jobalerts.local.Outbox;
import dev.jobalerts.local.SampleBoard;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriptionService;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sample events under functions/events/, each run through its handler on the local cloud where what it names
 * exists — the stored page, the live subscriber, the pending search, the due sources — and checked for what it does.
 * Ids and tokens that only a running system knows (a pending search's id, a signed link) are filled into the event.
 */
class SampleEventEffectsIT {
    /** The search of the sample posting's subscriber: python AND (django OR flask), Charlotte or remote, $120k or more. */
    static final String SEARCH = "{\"id\":\"demo\",\"query\":\"python AND (django OR flask)\",\"locations\":[\"Charlotte\"],"
            + "\"remote\":\"include\",\"minSalary\":120000,\"currency\":\"USD\"}";

    @TempDir
    static Path outboxDir;
    static LocalCloud cloud;
    static Outbox outbox;
    static JsonNode template;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outboxDir));
        outbox = new Outbox(outboxDir);
        template = TemplateTest.template();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object run(String fileName, String json) throws Exception {
        SampleEvents.SampleEvent sample = SampleEvents.read(template, fileName, json);
        RequestHandler handler = cloud.handler(sample.handlerClass());
        return handler.handleRequest(sample.event(), new LocalContext(sample.function(), 60));
    }

    static Object run(String fileName) throws Exception {
        return run(fileName, Files.readString(SampleEvents.DIRECTORY.resolve(fileName)));
    }

    /** Signs {@code email} up for {@link #SEARCH} and follows the link in the confirmation email. */
    static Subscriber liveSubscriber(String email) throws Exception {
        SavedSearch search = Json.mapper().readValue(SEARCH, SavedSearch.class);
        assertThat(cloud.subscriptions().signUp(email, search, Frequency.INSTANT, cloud.apiUrl()))
                .isInstanceOf(SubscriptionService.SignUp.Accepted.class);
        cloud.drainStreams();
        String link = outbox.latestConfirmLink(email).orElseThrow();
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
        assertThat(cloud.subscriptions().confirm(token)).isInstanceOf(SubscriptionService.Confirmation.Confirmed.class);
        return cloud.subscriptions().findByEmail(email).orElseThrow();
    }

    /** The alerts in the outbox for {@code email}, oldest first (the other tests' subscribers share the search). */
    static List<Path> alertsTo(String email) {
        return outbox.alerts().stream().filter(file -> file.getFileName().toString().endsWith("-" + email + ".eml")).toList();
    }

    static SubscriberStatus statusOf(String email) {
        return cloud.subscriptions().findByEmail(email).orElseThrow().status();
    }

    static int count(String table) {
        return cloud.dynamo().scan(b -> b.tableName(table).select("COUNT")).count();
    }

    @Test
    void parserPageChanged_parsesThePageItNames_andStoresItsPosting() throws Exception {
        String page = """
                <html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
                  "title": "Backend Engineer", "datePosted": "2026-11-20", "url": "https://boards.example/acme/jobs/1",
                  "description": "Build the services behind our routing.", "hiringOrganization": {"@type": "Organization", "name": "Acme"},
                  "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Leeds"}}}
                </script></head><body></body></html>""";
        new PageStore(cloud.dynamo(), cloud.tables().pages()).putIfChanged(new PageSnapshot("https://boards.example/acme/jobs.html",
                "acme", "text/html", page, null, Instant.parse("2026-11-22T10:00:00Z"), null));
        int before = count(cloud.tables().postings());

        StreamsEventResponse response = (StreamsEventResponse) run("parser-page-changed.json");

        assertThat(response.getBatchItemFailures()).isNullOrEmpty();
        assertThat(count(cloud.tables().postings())).isEqualTo(before + 1);
    }

    @Test
    void matcherPostingInserted_mailsTheLiveSubscriberWhoseSearchItMatches() throws Exception {
        liveSubscriber("ana@example.com");
        int alertsBefore = alertsTo("ana@example.com").size();

        StreamsEventResponse response = (StreamsEventResponse) run("matcher-posting-inserted.json");

        assertThat(response.getBatchItemFailures()).isNullOrEmpty();
        List<Path> alerts = alertsTo("ana@example.com");
        assertThat(alerts).hasSize(alertsBefore + 1);
        assertThat(Files.readString(alerts.get(alerts.size() - 1))).contains("To: ana@example.com").contains("Senior Python Engineer (Django)");
    }

    @Test
    void sesBounce_suppressesTheAddressThatBouncedForGood() throws Exception {
        liveSubscriber("gone.away@example.org");

        run("ses-bounce.json");

        assertThat(statusOf("gone.away@example.org")).isEqualTo(SubscriberStatus.SUPPRESSED);
    }

    @Test
    void sesComplaint_suppressesTheAddressThatComplained() throws Exception {
        liveSubscriber("annoyed@example.net");

        run("ses-complaint.json");

        assertThat(statusOf("annoyed@example.net")).isEqualTo(SubscriberStatus.SUPPRESSED);
    }

    @Test
    void sesTransientBounce_keepsTheSubscriberActive() throws Exception {
        liveSubscriber("full.inbox@example.com");

        run("ses-transient-bounce.json");

        assertThat(statusOf("full.inbox@example.com")).isEqualTo(SubscriberStatus.ACTIVE);
    }

    @Test
    void apiUnsubscribeOneClick_withTheSubscribersLink_unsubscribesThem() throws Exception {
        Subscriber subscriber = liveSubscriber("leaving@example.com");
        String token = cloud.subscriptions().unsubscribeToken(subscriber);
        String json = Files.readString(SampleEvents.DIRECTORY.resolve("api-unsubscribe-one-click.json"))
                .replace("REPLACE_WITH_TOKEN", URLEncoder.encode(token, StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) run("api-unsubscribe-one-click.json", json);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(statusOf("leaving@example.com")).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    }

    @Test
    void apiFeed_withTheSubscribersFeedLink_answersTheirAtomFeed() throws Exception {
        Subscriber subscriber = liveSubscriber("reader@example.com");
        String json = Files.readString(SampleEvents.DIRECTORY.resolve("api-feed.json"))
                .replace("f.0123456789abcdef0123456789abcdef.2111111111.not-a-real-mac", cloud.subscriptions().feedToken(subscriber));

        APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) run("api-feed.json", json);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("<feed", "http://www.w3.org/2005/Atom");
    }

    @Test
    void confirmationsPendingStored_mailsTheConfirmationOfThatPendingSearch() throws Exception {
        SavedSearch search = Json.mapper().readValue(SEARCH, SavedSearch.class);
        var accepted = (SubscriptionService.SignUp.Accepted) cloud.subscriptions().signUp("new@example.com", search, Frequency.INSTANT, cloud.apiUrl());
        String itemId = cloud.dynamo().query(b -> b.tableName(cloud.tables().subscribers()).keyConditionExpression("subscriberId = :s")
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(accepted.subscriberId())))).items().stream()
                .map(item -> item.get("itemId").s()).filter(id -> id.startsWith("pending#")).findFirst().orElseThrow();
        String json = Files.readString(SampleEvents.DIRECTORY.resolve("confirmations-pending-stored.json"))
                .replace("3f0c2a9b8d7e6f5a4b3c2d1e0f9a8b7c", accepted.subscriberId()).replace("pending#0a1b2c3d4e5f6a7b", itemId);

        StreamsEventResponse response = (StreamsEventResponse) run("confirmations-pending-stored.json", json);

        assertThat(response.getBatchItemFailures()).isNullOrEmpty();
        assertThat(outbox.latestConfirmLink("new@example.com")).isPresent();
    }

    @Test
    void fetcherSchedule_fetchesEveryDueSource() throws Exception {
        var sources = new SourceStore(cloud.dynamo(), cloud.tables().sources());
        SampleBoard.sources(cloud.boardUrl()).forEach(sources::saveDefinition);

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) run("fetcher-schedule.json");

        assertThat(result).doesNotContainKey("error").containsEntry("sources", 7).containsEntry("changed", 7);
    }
}
