package dev.jobalerts.store;

import static dev.jobalerts.store.Attrs.bin;
import static dev.jobalerts.store.Attrs.bytes;
import static dev.jobalerts.store.Attrs.n;
import static dev.jobalerts.store.Attrs.s;
import static dev.jobalerts.store.Attrs.str;

import dev.jobalerts.pacing.Backoff;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The Pages table. A snapshot is written only when its content hash differs from the stored one, so each
 * stream record the parser sees means "this page changed". Bodies are gzipped: job pages compress about
 * tenfold, which keeps large listings under DynamoDB's 400 KB item limit.
 */
public final class PageStore {
    /** Gzipped bodies above this would not fit an item with its attributes. */
    static final int MAX_COMPRESSED_BYTES = 380_000;
    static final Duration RETENTION = Duration.ofDays(90);
    private static final int BATCH_GET_LIMIT = 100;
    /** 50 ms, doubling, at most a second between asks for the keys DynamoDB left unprocessed. */
    private static final Backoff UNPROCESSED_KEYS_BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), Backoff.Jitter.NONE);

    private final DynamoDbClient dynamo;
    private final String table;

    public PageStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Outcome of offering a snapshot. */
    public enum Write { STORED, UNCHANGED, TOO_LARGE }

    public Write putIfChanged(PageSnapshot page) {
        byte[] body = gzip(page.body());
        if (body.length > MAX_COMPRESSED_BYTES) return Write.TOO_LARGE;
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("url", s(page.key()));
        item.put("requestUrl", s(page.url()));
        item.put("sourceId", s(page.sourceId()));
        item.put("contentType", s(page.contentType()));
        item.put("body", bytes(body));
        item.put("contentHash", s(page.contentHash()));
        item.put("fetchedAt", s(page.fetchedAt().toString()));
        item.put("extraction", s(page.readSpec()));
        item.put("expiresAt", n(page.fetchedAt().plus(RETENTION).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#u) OR contentHash <> :h")
                    .expressionAttributeNames(Map.of("#u", "url"))
                    .expressionAttributeValues(Map.of(":h", s(page.contentHash()))));
            return Write.STORED;
        } catch (ConditionalCheckFailedException unchanged) {
            return Write.UNCHANGED;
        }
    }

    /** The snapshot stored under {@code key} (a {@link PageKey}). */
    public Optional<PageSnapshot> find(String key) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Map.of("url", s(key))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    public boolean exists(String key) {
        return !existing(List.of(key)).isEmpty();
    }

    /**
     * Which of these keys have a stored snapshot: BatchGetItem, 100 keys a call, only the key read back, so finding
     * the detail pages a listing of 1,000 postings still lacks costs ten calls.
     */
    public Set<String> existing(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> batch = new ArrayList<>();
            for (String key : distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET_LIMIT))) batch.add(Map.of("url", s(key)));
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(batch)
                    .projectionExpression("#u").expressionAttributeNames(Map.of("#u", "url")).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                var response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                response.responses().getOrDefault(table, List.of()).forEach(item -> found.add(str(item, "url")));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!request.isEmpty()) pause(attempt);
            }
        }
        return found;
    }

    /** DynamoDB asks for back-off before unprocessed keys are asked again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(UNPROCESSED_KEYS_BACKOFF.delay(attempt + 1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading pages", e);
        }
    }

    /** Keys of a source's snapshots fetched at or after {@code since} (null: all), for re-parsing. */
    public List<String> urlsOfSource(String sourceId, Instant since) {
        var request = QueryRequest.builder().tableName(table).indexName("bySource");
        if (since == null) {
            request.keyConditionExpression("sourceId = :s").expressionAttributeValues(Map.of(":s", s(sourceId)));
        } else {
            request.keyConditionExpression("sourceId = :s AND fetchedAt >= :t")
                    .expressionAttributeValues(Map.of(":s", s(sourceId), ":t", s(since.toString())));
        }
        List<String> urls = new ArrayList<>();
        for (var page : dynamo.queryPaginator(request.build())) page.items().forEach(item -> urls.add(str(item, "url")));
        return urls;
    }

    static PageSnapshot fromItem(Map<String, AttributeValue> item) {
        String requestUrl = str(item, "requestUrl");
        return new PageSnapshot(str(item, "url"), requestUrl == null ? str(item, "url") : requestUrl, str(item, "sourceId"), str(item, "contentType"),
                gunzip(bin(item, "body")), str(item, "contentHash"), Instant.parse(str(item, "fetchedAt")),
                str(item, "extraction"));
    }

    static byte[] gzip(String text) {
        var out = new ByteArrayOutputStream(Math.max(64, text.length() / 6));
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] body) {
        if (body == null) return "";
        try (var gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("stored page body is not valid gzip", e);
        }
    }
}
