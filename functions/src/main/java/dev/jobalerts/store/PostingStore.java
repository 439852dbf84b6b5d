package dev.jobalerts.store;

import static dev.jobalerts.store.Attrs.n;
import static dev.jobalerts.store.Attrs.s;

import dev.jobalerts.dedupe.Candidate;
import dev.jobalerts.dedupe.Copy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The Postings table. New postings go in with a conditional put on the posting id, so a replayed page stores nothing
 * twice, and the stream (INSERT only) wakes the matcher exactly once per posting. A job seen on several boards is
 * several postings: the first copy, and later copies that name it in {@code duplicateOf} and are listed in its
 * {@code copies}; the {@code byJobKey} index finds a new posting's key-mates with one Query.
 */
public final class PostingStore {
    /** BatchGetItem takes at most 100 keys. */
    static final int BATCH_GET_LIMIT = 100;
    /** Sparse index of postings by the UTC day they were first seen, sorted by firstSeen: the previews' window. */
    public static final String BY_FIRST_SEEN_DAY = "byFirstSeenDay";
    /**
     * Most key-mates one lookup reads, newest first: a job, its copies and reposts are a handful; a key with more is a
     * board flooding one title, and the newest are the ones a new posting may repeat. One Query page either way.
     */
    static final int KEY_MATES = 100;
    /** Most later copies a first copy lists: an alert's "also on" needs a few, and a flood must not grow the item. */
    public static final int MAX_COPIES = 20;
    static final String BY_JOB_KEY = "byJobKey";

    private final DynamoDbClient dynamo;
    private final String table;

    public PostingStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** True when the posting was new and is now stored; false when it was already there. */
    public boolean putIfAbsent(StoredPosting posting) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(PostingItems.toItem(posting))
                    .conditionExpression("attribute_not_exists(postingId)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyStored) {
            return false;
        }
    }

    /**
     * The stored postings with job key {@code jobKey}, newest first, as the {@code byJobKey} index projects them (ids,
     * first seen, signature, first copy, splits). One Query; the index is eventually consistent, so a posting stored a
     * moment ago may be missing (the parser remembers what it stored itself).
     */
    public List<Candidate> withJobKey(String jobKey) {
        var response = dynamo.query(b -> b.tableName(table).indexName(BY_JOB_KEY).scanIndexForward(false).limit(KEY_MATES)
                .keyConditionExpression("jobKey = :k").expressionAttributeValues(Map.of(":k", s(jobKey))));
        return response.items().stream().map(PostingItems::candidate).toList();
    }

    /**
     * Lists {@code copy} on its first copy, so alerts not yet sent show it ("also on", and what it adds). False when
     * the first copy is gone (expired), is itself no first copy, or lists {@link #MAX_COPIES} already. Listing twice
     * is listing once.
     */
    public boolean listCopy(String firstCopyId, Copy copy) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("postingId", s(firstCopyId)))
                    .updateExpression("SET copies.#id = :copy")
                    .conditionExpression("attribute_exists(postingId) AND attribute_not_exists(duplicateOf) AND attribute_exists(copies) "
                            + "AND (size(copies) < :max OR attribute_exists(copies.#id))")
                    .expressionAttributeNames(Map.of("#id", copy.postingId()))
                    .expressionAttributeValues(Map.of(":copy", PostingItems.copy(copy), ":max", n(MAX_COPIES))));
            return true;
        } catch (ConditionalCheckFailedException notListed) {
            return false;
        }
    }

    /**
     * Un-merges a later copy from its first copy, for good: the first copy forgets it and remembers the split, and the
     * copy is stored again as a first copy that remembers it too — deleted and put back, so the Postings stream carries
     * it to the matcher as the new job it is. False when {@code copy} is no longer a copy (split already).
     */
    public boolean split(StoredPosting copy) {
        String first = copy.identity().duplicateOf();
        if (first == null) return false;
        String id = copy.posting().id();
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("postingId", s(first)))
                    .updateExpression("REMOVE copies.#id ADD splitFrom :id")
                    .conditionExpression("attribute_exists(postingId)")
                    .expressionAttributeNames(Map.of("#id", id))
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(List.of(id)))));
        } catch (ConditionalCheckFailedException firstCopyGone) {
            // Expired: nothing to forget there, and no stored first copy can merge them again.
        }
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of("postingId", s(id)))
                    .conditionExpression("duplicateOf = :first").expressionAttributeValues(Map.of(":first", s(first))));
        } catch (ConditionalCheckFailedException notACopyAnyMore) {
            return false;
        }
        putIfAbsent(copy.with(copy.identity().splitFrom(first)));
        return true;
    }

    public Optional<StoredPosting> find(String postingId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Map.of("postingId", s(postingId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PostingItems.fromItem(item));
    }

    /**
     * The stored postings among {@code postingIds}, by id; ids not stored (expired) are absent. BatchGetItem, 100
     * keys a call, so a digest of 200 matches costs two reads instead of 200.
     */
    public Map<String, StoredPosting> findAll(Collection<String> postingIds) {
        Map<String, StoredPosting> found = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(postingIds));
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT)).stream()
                    .map(id -> Map.of("postingId", s(id))).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            // Throttled keys come back as UnprocessedKeys; ask again for just those (the SDK already backs off per call).
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> ask = pending;
                var response = dynamo.batchGetItem(b -> b.requestItems(ask));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    StoredPosting posting = PostingItems.fromItem(item);
                    found.put(posting.posting().id(), posting);
                });
                pending = response.unprocessedKeys();
            }
        }
        return found;
    }

    /**
     * What one read of the recent window returned and cost.
     *
     * @param postings  newest first; read from the index, so without the source fields (see {@link PostingItems#PREVIEW_ATTRIBUTES})
     * @param readUnits read capacity units DynamoDB reported for the Queries (0.5 per 4 KB of items read, eventually consistent)
     * @param requests  Query calls made (one per page per day)
     */
    public record Window(List<StoredPosting> postings, double readUnits, int requests) {}

    /**
     * The postings first seen at or after {@code since}, newest first, at most {@code max}: a Query of the
     * {@value #BY_FIRST_SEEN_DAY} index per UTC day from {@code now}'s day back to {@code since}'s, each paginated,
     * stopping as soon as {@code max} are read so the newest are kept. Never a Scan, and never more than {@code max}
     * items read.
     */
    public Window firstSeenSince(Instant since, Instant now, int max) {
        List<StoredPosting> postings = new ArrayList<>();
        double units = 0;
        int requests = 0;
        LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC); !day.isBefore(first) && postings.size() < max; day = day.minusDays(1)) {
            Map<String, AttributeValue> startKey = null;
            do {
                var request = QueryRequest.builder().tableName(table).indexName(BY_FIRST_SEEN_DAY).scanIndexForward(false)
                        .keyConditionExpression("#day = :day AND firstSeen >= :since")
                        .expressionAttributeNames(Map.of("#day", PostingItems.FIRST_SEEN_DAY))
                        .expressionAttributeValues(Map.of(":day", s(day.toString()), ":since", s(since.toString())))
                        .limit(max - postings.size())
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                if (startKey != null) request.exclusiveStartKey(startKey);
                var page = dynamo.query(request.build());
                requests++;
                if (page.consumedCapacity() != null && page.consumedCapacity().capacityUnits() != null)
                    units += page.consumedCapacity().capacityUnits();
                page.items().forEach(item -> postings.add(PostingItems.fromItem(item)));
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null && postings.size() < max);
        }
        return new Window(postings, units, requests);
    }

    /** A source's postings first seen at or after {@code since} (null: all), newest first. */
    public List<StoredPosting> listBySource(String sourceId, Instant since) {
        var request = QueryRequest.builder().tableName(table).indexName("bySource").scanIndexForward(false);
        if (since == null) {
            request.keyConditionExpression("sourceId = :s").expressionAttributeValues(Map.of(":s", s(sourceId)));
        } else {
            request.keyConditionExpression("sourceId = :s AND firstSeen >= :t")
                    .expressionAttributeValues(Map.of(":s", s(sourceId), ":t", s(since.toString())));
        }
        List<StoredPosting> postings = new ArrayList<>();
        for (var page : dynamo.queryPaginator(request.build())) page.items().forEach(item -> postings.add(PostingItems.fromItem(item)));
        return postings;
    }

    /** Every posting first seen at or after {@code since} (null: all), newest first. An operator's listing, not a hot path. */
    public List<StoredPosting> listAll(Instant since) {
        var request = ScanRequest.builder().tableName(table);
        if (since != null) {
            request.filterExpression("firstSeen >= :t").expressionAttributeValues(Map.of(":t", s(since.toString())));
        }
        List<StoredPosting> postings = new ArrayList<>();
        for (var page : dynamo.scanPaginator(request.build())) page.items().forEach(item -> postings.add(PostingItems.fromItem(item)));
        postings.sort((a, b) -> b.firstSeen().compareTo(a.firstSeen()));
        return postings;
    }
}
