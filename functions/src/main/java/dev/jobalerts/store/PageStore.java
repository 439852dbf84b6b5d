package dev.jobalerts.store;

import static dev.jobalerts.store.Attrs.bin;
import static dev.jobalerts.store.Attrs.bytes;
import static dev.jobalerts.store.Attrs.n;
import static dev.jobalerts.store.Attrs.s;
import static dev.jobalerts.store.Attrs.str;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
        item.put("url", s(page.url()));
        item.put("sourceId", s(page.sourceId()));
        item.put("contentType", s(page.contentType()));
        item.put("body", bytes(body));
        item.put("contentHash", s(page.contentHash()));
        item.put("fetchedAt", s(page.fetchedAt().toString()));
        item.put("extraction", s(page.extractionJson()));
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

    public Optional<PageSnapshot> find(String url) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Map.of("url", s(url))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    public boolean exists(String url) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Map.of("url", s(url))).projectionExpression("#u")
                .expressionAttributeNames(Map.of("#u", "url"))).item();
        return item != null && !item.isEmpty();
    }

    /** URLs of a source's snapshots fetched at or after {@code since} (null: all), for re-parsing. */
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
        return new PageSnapshot(str(item, "url"), str(item, "sourceId"), str(item, "contentType"),
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
