package dev.jobalerts.subscribe;

import static dev.jobalerts.store.Attrs.bool;
import static dev.jobalerts.store.Attrs.flag;
import static dev.jobalerts.store.Attrs.n;
import static dev.jobalerts.store.Attrs.num;
import static dev.jobalerts.store.Attrs.s;
import static dev.jobalerts.store.Attrs.str;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jobalerts.json.Json;
import dev.jobalerts.search.SavedSearch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The Subscribers table: per subscriber one profile item ({@code itemId = "profile"}) and one item per saved
 * search ({@code itemId = "search#<id>"}). The subscriber id is derived from the address, so a sign-up finds
 * an existing subscriber with a GetItem and no index on email is needed.
 * <p>
 * Search items carry {@code changeFeed} and {@code updatedAt}; the sparse {@code searchChanges} index lets the
 * matcher fetch only what changed since its last refresh.
 */
public final class SubscriberStore {
    static final String PROFILE = "profile";
    static final String SEARCH_PREFIX = "search#";
    static final String CHANGE_FEED = "searches";
    /** Pending sign-ups that were never confirmed disappear after this. */
    public static final Duration PENDING_RETENTION = Duration.ofDays(7);
    /** Tombstones of deleted searches live long enough for every warm matcher to see them. */
    static final Duration TOMBSTONE_RETENTION = Duration.ofDays(2);

    private final DynamoDbClient dynamo;
    private final String table;

    public SubscriberStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A stable id for an address: hex SHA-256 of its lower-cased form, truncated (collisions are out of reach at 128 bits). */
    public static String subscriberIdFor(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalise(email).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Subscriber> find(String subscriberId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("subscriberId", s(subscriberId), "itemId", s(PROFILE)))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        if (expired(item)) return Optional.empty();
        return Optional.of(profileFromItem(item));
    }

    /** DynamoDB deletes expired items lazily (hours later), so expiry is checked on read too. */
    private static boolean expired(Map<String, AttributeValue> item) {
        Long expiresAt = num(item, "expiresAt");
        return expiresAt != null && Instant.ofEpochSecond(expiresAt).isBefore(Instant.now());
    }

    public Optional<Subscriber> findByEmail(String email) {
        return find(subscriberIdFor(email));
    }

    /** Writes the profile; a pending profile gets a TTL so abandoned sign-ups disappear. */
    public void saveProfile(Subscriber subscriber, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subscriberId", s(subscriber.subscriberId()));
        item.put("itemId", s(PROFILE));
        item.put("email", s(subscriber.email()));
        item.put("status", s(subscriber.status().wireName()));
        item.put("frequency", s(subscriber.frequency().wireName()));
        item.put("timeZone", s(subscriber.timeZone()));
        item.put("nonce", s(subscriber.nonce()));
        item.put("createdAt", s(subscriber.createdAt().toString()));
        if (subscriber.confirmationSentAt() != null) item.put("confirmationSentAt", s(subscriber.confirmationSentAt().toString()));
        if (subscriber.status() == SubscriberStatus.PENDING)
            item.put("expiresAt", n(now.plus(PENDING_RETENTION).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** Every search of one subscriber, tombstones excluded. */
    public List<SubscriberSearch> searchesOf(String subscriberId) {
        var request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("subscriberId = :id AND begins_with(itemId, :prefix)")
                .expressionAttributeValues(Map.of(":id", s(subscriberId), ":prefix", s(SEARCH_PREFIX)))
                .build();
        List<SubscriberSearch> searches = new ArrayList<>();
        for (var page : dynamo.queryPaginator(request)) {
            for (var item : page.items()) {
                SubscriberSearch search = searchFromItem(item);
                if (!search.deleted() && !expired(item)) searches.add(search);
            }
        }
        return searches;
    }

    public void saveSearch(SubscriberSearch search) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subscriberId", s(search.subscriberId()));
        item.put("itemId", s(SEARCH_PREFIX + search.search().id()));
        item.put("search", s(Json.write(search.search())));
        item.put("paused", bool(search.paused()));
        item.put("confirmed", bool(search.confirmed()));
        item.put("deleted", bool(search.deleted()));
        item.put("subscriberStatus", s(search.subscriberStatus().wireName()));
        item.put("frequency", s(search.frequency().wireName()));
        item.put("changeFeed", s(CHANGE_FEED));
        item.put("updatedAt", n(search.updatedAt()));
        if (search.deleted())
            item.put("expiresAt", n(Instant.ofEpochMilli(search.updatedAt()).plus(TOMBSTONE_RETENTION).getEpochSecond()));
        else if (!search.confirmed())
            // A search from a sign-up nobody confirmed goes the way of its pending profile.
            item.put("expiresAt", n(Instant.ofEpochMilli(search.updatedAt()).plus(PENDING_RETENTION).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /**
     * Search items changed at or after {@code sinceMillis}, oldest first, tombstones included (the index must
     * drop them). Reads the eventually consistent index: callers overlap their window a little.
     */
    public List<SubscriberSearch> searchChangesSince(long sinceMillis) {
        var request = QueryRequest.builder().tableName(table).indexName("searchChanges")
                .keyConditionExpression("changeFeed = :feed AND updatedAt >= :since")
                .expressionAttributeValues(Map.of(":feed", s(CHANGE_FEED), ":since", n(sinceMillis)))
                .build();
        List<SubscriberSearch> changes = new ArrayList<>();
        for (var page : dynamo.queryPaginator(request)) page.items().forEach(item -> changes.add(searchFromItem(item)));
        return changes;
    }

    /** Subscribers with one status, by email (operator listing; a sparse index over profiles). */
    public List<Subscriber> listByStatus(SubscriberStatus status) {
        var request = QueryRequest.builder().tableName(table).indexName("byStatus")
                .keyConditionExpression("#st = :status")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":status", s(status.wireName())))
                .build();
        List<Subscriber> subscribers = new ArrayList<>();
        for (var page : dynamo.queryPaginator(request)) page.items().forEach(item -> subscribers.add(profileFromItem(item)));
        return subscribers;
    }

    /** Removes the profile and leaves tombstones for the searches: the address is forgotten, matchers drop the searches. */
    public void delete(String subscriberId, Instant now) {
        for (SubscriberSearch search : searchesOf(subscriberId)) {
            saveSearch(new SubscriberSearch(subscriberId, search.search(), search.paused(), search.confirmed(), true,
                    search.subscriberStatus(), search.frequency(), now.toEpochMilli()));
        }
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("subscriberId", s(subscriberId), "itemId", s(PROFILE))));
    }

    static Subscriber profileFromItem(Map<String, AttributeValue> item) {
        String confirmationSentAt = str(item, "confirmationSentAt");
        return new Subscriber(str(item, "subscriberId"), str(item, "email"),
                SubscriberStatus.fromWire(str(item, "status")), Frequency.fromWire(str(item, "frequency")),
                str(item, "timeZone"), str(item, "nonce"), Instant.parse(str(item, "createdAt")),
                confirmationSentAt == null ? null : Instant.parse(confirmationSentAt));
    }

    static SubscriberSearch searchFromItem(Map<String, AttributeValue> item) {
        SavedSearch search;
        try {
            search = Json.mapper().readValue(str(item, "search"), SavedSearch.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored search " + str(item, "itemId") + " of " + str(item, "subscriberId") + " is unreadable", e);
        }
        return new SubscriberSearch(str(item, "subscriberId"), search, flag(item, "paused"), flag(item, "confirmed"),
                flag(item, "deleted"), SubscriberStatus.fromWire(str(item, "subscriberStatus")),
                Frequency.fromWire(str(item, "frequency")), num(item, "updatedAt"));
    }
}
