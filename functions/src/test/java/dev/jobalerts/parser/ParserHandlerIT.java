package dev.jobalerts.parser;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.sun.net.httpserver.HttpServer;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.store.TableNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The parser function as the Pages stream invokes it: a batch of page keys, each page parsed and its postings
 * stored; a record that names no page, or a page that is gone, costs only itself; a fault that may pass (DynamoDB
 * answering 500) reports the record it stopped at, so Lambda retries from there.
 */
class ParserHandlerIT {
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    private PageStore pages;
    private PostingStore postings;

    @BeforeEach
    void tables() {
        TableNames tables = dynamo.freshTables();
        pages = new PageStore(dynamo.client(), tables.pages());
        postings = new PostingStore(dynamo.client(), tables.postings());
    }

    @Test
    void handleRequest_parsesEveryStoredPageOfTheBatch_andSkipsRecordsThatNameNone() {
        pages.putIfChanged(page("https://careers.acme.example/jobs", "Backend Engineer"));
        pages.putIfChanged(page("https://careers.acme.example/jobs?page=2", "Platform Engineer"));
        ParserHandler handler = new ParserHandler(new PageParser(pages, postings, new SourceReader(), Clock.systemUTC()));

        StreamsEventResponse response = handler.handleRequest(batch(
                record("1", Map.of("url", AttributeValue.fromS("https://careers.acme.example/jobs"))),
                record("2", Map.of("somethingElse", AttributeValue.fromS("x"))),
                record("3", Map.of("url", AttributeValue.fromS("https://careers.acme.example/gone"))),
                record("4", Map.of("url", AttributeValue.fromS("https://careers.acme.example/jobs?page=2")))), null);

        assertThat(response.getBatchItemFailures()).isNullOrEmpty();
        assertThat(postings.listBySource("acme", null)).extracting(s -> s.posting().title())
                .containsExactlyInAnyOrder("Backend Engineer", "Platform Engineer");
    }

    @Test
    void handleRequest_whenDynamoDbFailsInAWayThatMayPass_reportsTheFirstRecordItCouldNotParse() throws IOException {
        HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failing.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        failing.start();
        try (DynamoDbClient broken = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + failing.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            PageStore unavailable = new PageStore(broken, "pages");
            ParserHandler handler = new ParserHandler(new PageParser(unavailable, postings, new SourceReader(), Clock.systemUTC()));

            StreamsEventResponse response = handler.handleRequest(batch(
                    record("7", Map.of("url", AttributeValue.fromS("https://careers.acme.example/jobs"))),
                    record("8", Map.of("url", AttributeValue.fromS("https://careers.acme.example/jobs?page=2")))), null);

            assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly("7");
        } finally {
            failing.stop(0);
        }
    }

    private static PageSnapshot page(String url, String title) {
        String body = "<html><head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"JobPosting\","
                + " \"title\": \"" + title + "\", \"url\": \"" + url + "#" + title.replace(' ', '-') + "\", \"description\": \"Build services.\","
                + " \"hiringOrganization\": {\"name\": \"Acme\"}, \"jobLocation\": {\"address\": {\"addressLocality\": \"Leeds\"}}}"
                + "</script></head><body></body></html>";
        return new PageSnapshot(url, "acme", "text/html; charset=utf-8", body, null, java.time.Instant.now(), "{}");
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String sequenceNumber, Map<String, AttributeValue> keys) {
        DynamodbEvent.DynamodbStreamRecord record = StreamImages.event("MODIFY", keys, null).getRecords().get(0);
        record.getDynamodb().setSequenceNumber(sequenceNumber);
        return record;
    }

    private static DynamodbEvent batch(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(List.of(records)));
        return event;
    }
}
