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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The Subscribers table: per subscriber one profile item ({@code itemId = "profile"}), one item per saved search
 * ({@code itemId = "search#<id>"}), the searches waiting for their confirmation ({@code pending#<id>}) and a counter
 * of confirmation emails ({@code mailrate}). The subscriber id is derived from the address ({@link SubscriberIds}),
 * so a sign-up finds an existing subscriber with a GetItem and no index on email is needed.
 * <p>
 * Search items carry {@code changeFeed} and {@code updatedAt}; the sparse {@code searchChanges} index lets the
 * matcher fetch only what changed since its last refresh.
 */
public final class SubscriberStore {
    static final String PROFILE = "profile";
    static final String SEARCH_PREFIX = "search#";
    static final String PENDING_PREFIX = "pending#";
    static final String MAIL_RATE = "mailrate";
    static final String CHANGE_FEED = "searches";
    /** Pending sign-ups that were never confirmed disappear after this. */
    public static final Duration PENDING_RETENTION = Duration.ofDays(7);
    /** Tombstones of deleted searches live long enough for every warm matcher to see them. */
    public static final Duration TOMBSTONE_RETENTION = Duration.ofDays(2);

    private final DynamoDbClient dynamo;
    private final String table;

    public SubscriberStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
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

    /** The subscriber of an address: under its keyed id, else under the id deployments before keyed ids gave it. */
    public Optional<Subscriber> findByEmail(String email, SubscriberIds ids) {
        return find(ids.of(email)).or(() -> find(SubscriberIds.legacy(email)));
    }

    /**
     * The subscriber of an address found through the {@code byStatus} index, for tools that do not hold the id secret
     * (the operator CLI): one query per status.
     */
    public Optional<Subscriber> findByEmailInIndex(String email) {
        String normalised = SubscriberIds.normalise(email);
        for (SubscriberStatus status : SubscriberStatus.values()) {
            var response = dynamo.query(b -> b.tableName(table).indexName("byStatus")
                    .keyConditionExpression("#st = :status AND email = :email")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":status", s(status.wireName()), ":email", s(normalised))));
            for (var item : response.items()) return find(str(item, "subscriberId"));
        }
        return Optional.empty();
    }

    // --- pending searches ---------------------------------------------------------------------------------------

    /** The searches of an address still waiting for their confirmation, oldest first; expired ones left out. */
    public List<PendingSearch> pendingOf(String subscriberId) {
        var request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("subscriberId = :id AND begins_with(itemId, :prefix)")
                .expressionAttributeValues(Map.of(":id", s(subscriberId), ":prefix", s(PENDING_PREFIX)))
                .build();
        List<PendingSearch> pending = new ArrayList<>();
        for (var page : dynamo.queryPaginator(request)) {
            for (var item : page.items()) if (!expired(item)) pending.add(pendingFromItem(item));
        }
        pending.sort(java.util.Comparator.comparing(PendingSearch::createdAt));
        return pending;
    }

    /** A pending search's place, without its content. */
    public record PendingSlot(String pendingId, Instant createdAt) {}

    /**
     * The places of an address's pending searches, oldest first: only keys and times are read (a projection), so
     * the sign-up that asks costs the same however much the searches hold.
     */
    public List<PendingSlot> pendingSlots(String subscriberId) {
        var request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("subscriberId = :id AND begins_with(itemId, :prefix)")
                .projectionExpression("itemId, createdAt")
                .expressionAttributeValues(Map.of(":id", s(subscriberId), ":prefix", s(PENDING_PREFIX)))
                .build();
        List<PendingSlot> slots = new ArrayList<>();
        for (var page : dynamo.queryPaginator(request)) {
            for (var item : page.items())
                slots.add(new PendingSlot(str(item, "itemId").substring(PENDING_PREFIX.length()), Instant.parse(str(item, "createdAt"))));
        }
        slots.sort(java.util.Comparator.comparing(PendingSlot::createdAt));
        return slots;
    }

    public Optional<PendingSearch> findPending(String subscriberId, String pendingId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("subscriberId", s(subscriberId), "itemId", s(PENDING_PREFIX + pendingId)))).item();
        if (item == null || item.isEmpty() || expired(item)) return Optional.empty();
        return Optional.of(pendingFromItem(item));
    }

    public void savePending(PendingSearch pending) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subscriberId", s(pending.subscriberId()));
        item.put("itemId", s(PENDING_PREFIX + pending.pendingId()));
        item.put("email", s(pending.email()));
        item.put("search", s(Json.write(pending.search())));
        item.put("frequency", s(pending.frequency().wireName()));
        item.put("nonce", s(pending.nonce()));
        if (pending.linkBase() != null) item.put("linkBase", s(pending.linkBase()));
        item.put("createdAt", s(pending.createdAt().toString()));
        item.put("expiresAt", n(pending.expiresAt().getEpochSecond()));
        item.put("mailed", bool(pending.mailed()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** Marks a pending search's email as handled; false when it already was (a replayed stream record). */
    public boolean markPendingMailed(String subscriberId, String pendingId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("subscriberId", s(subscriberId), "itemId", s(PENDING_PREFIX + pendingId)))
                    .updateExpression("SET mailed = :yes")
                    .conditionExpression("attribute_exists(itemId) AND mailed = :no")
                    .expressionAttributeValues(Map.of(":yes", bool(true), ":no", bool(false))));
            return true;
        } catch (ConditionalCheckFailedException handled) {
            return false;
        }
    }

    public void deletePending(String subscriberId, String pendingId) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("subscriberId", s(subscriberId), "itemId", s(PENDING_PREFIX + pendingId))));
    }

    /**
     * Counts one more confirmation email for an address if fewer than {@code max} went out in the current window
     * (which starts with the first email after the last one ended): true when it may be sent. Conditional writes, so
     * concurrent senders cannot both take the last place.
     */
    public boolean tryCountConfirmationEmail(String subscriberId, Instant now, int max, Duration window) {
        Map<String, AttributeValue> key = Map.of("subscriberId", s(subscriberId), "itemId", s(MAIL_RATE));
        long nowSeconds = now.getEpochSecond();
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET windowStart = :now, sent = :one, expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(windowStart) OR windowStart < :cutoff")
                    .expressionAttributeValues(Map.of(":now", n(nowSeconds), ":one", n(1), ":cutoff", n(nowSeconds - window.toSeconds()),
                            ":expires", n(nowSeconds + window.toSeconds()))));
            return true;
        } catch (ConditionalCheckFailedException windowOpen) {
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key)
                        .updateExpression("SET sent = sent + :one")
                        .conditionExpression("sent < :max")
                        .expressionAttributeValues(Map.of(":one", n(1), ":max", n(max))));
                return true;
            } catch (ConditionalCheckFailedException full) {
                return false;
            }
        }
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

    static PendingSearch pendingFromItem(Map<String, AttributeValue> item) {
        SavedSearch search;
        try {
            search = Json.mapper().readValue(str(item, "search"), SavedSearch.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pending search " + str(item, "itemId") + " of " + str(item, "subscriberId") + " is unreadable", e);
        }
        return new PendingSearch(str(item, "subscriberId"), str(item, "itemId").substring(PENDING_PREFIX.length()), str(item, "email"),
                search, Frequency.fromWire(str(item, "frequency")), str(item, "nonce"), str(item, "linkBase"),
                Instant.parse(str(item, "createdAt")), Instant.ofEpochSecond(num(item, "expiresAt")), flag(item, "mailed"));
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
