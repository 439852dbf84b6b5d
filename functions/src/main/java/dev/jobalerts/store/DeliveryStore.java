package dev.jobalerts.store;

import static dev.jobalerts.store.Attrs.n;
import static dev.jobalerts.store.Attrs.s;
import static dev.jobalerts.store.Attrs.str;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The Deliveries table: the ledger that makes alerts exactly-once. An email is sent only for entries this
 * invocation claimed with a conditional write; a replayed stream batch finds them claimed or sent and sends
 * nothing. A claim older than {@link #LEASE} is considered abandoned (the claimer crashed before sending) and
 * may be taken over, so a crash delays an alert but does not lose it.
 */
public final class DeliveryStore {
    /** How long a claim protects an unsent delivery; longer than any matcher invocation can run. */
    public static final Duration LEASE = Duration.ofMinutes(15);
    static final Duration RETENTION = Duration.ofDays(60);
    /** A job alerted within this long is not alerted again when it is reposted or found on another board. */
    public static final Duration REALERT_AFTER = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public DeliveryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Claims a delivery for sending now ({@code pendingKey = "instant"}) or queues it for a digest
     * ({@code pendingKey = "daily#HH"} …). True when this caller now owns it.
     */
    public boolean claim(Delivery delivery, Instant now) {
        return claim(delivery, now, false);
    }

    /**
     * As {@link #claim(Delivery, Instant)}, for a job's key ({@code postingId} is its first copy's id). When
     * {@code repost} — the posting matched is a later copy of the job — a delivery of the job sent more than
     * {@link #REALERT_AFTER} ago may be claimed again: a job posted again a month on is news, within a month it is not.
     */
    public boolean claim(Delivery delivery, Instant now, boolean repost) {
        Map<String, AttributeValue> item = toItem(delivery, now);
        String condition = "attribute_not_exists(postingId) OR (#state = :claimed AND claimedAt < :staleBefore)";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":claimed", s(DeliveryState.CLAIMED.stored()), ":staleBefore", s(now.minus(LEASE).toString())));
        if (repost) {
            condition += " OR (#state = :sent AND finishedAt < :realertBefore)";
            values.put(":sent", s(DeliveryState.SENT.stored()));
            values.put(":realertBefore", s(now.minus(REALERT_AFTER).toString()));
        }
        String expression = condition;
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(expression)
                    .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Takes over a stale claim or a due digest entry found on a pending list; false if someone else got it first. */
    public boolean reclaim(Delivery delivery, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(delivery.subscriberId(), delivery.postingId()))
                    .updateExpression("SET #state = :claimed, claimedAt = :now")
                    .conditionExpression("(#state = :claimed AND claimedAt < :staleBefore) OR (#state = :queued AND claimedAt = :was)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":claimed", s(DeliveryState.CLAIMED.stored()), ":queued", s(DeliveryState.QUEUED.stored()),
                            ":now", s(now.toString()), ":staleBefore", s(now.minus(LEASE).toString()),
                            ":was", s(delivery.claimedAt().toString()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Marks deliveries sent and takes them off every pending list. */
    public void markSent(String subscriberId, List<String> postingIds, String messageId, Instant now) {
        finish(subscriberId, postingIds, DeliveryState.SENT, messageId, now);
    }

    /** SES refused the address permanently: never retry these. */
    public void markRejected(String subscriberId, List<String> postingIds, String reason, Instant now) {
        finish(subscriberId, postingIds, DeliveryState.REJECTED, reason, now);
    }

    /**
     * Takes deliveries off their pending list for good without sending: the subscriber is gone or no longer active,
     * the posting expired, or the search was deleted. The entry stays (until its TTL) so a replayed batch cannot
     * queue the same match again.
     */
    public void markSkipped(String subscriberId, List<String> postingIds, String reason, Instant now) {
        finish(subscriberId, postingIds, DeliveryState.SKIPPED, reason, now);
    }

    private void finish(String subscriberId, List<String> postingIds, DeliveryState state, String detail, Instant now) {
        for (String postingId : postingIds) {
            dynamo.updateItem(b -> b.tableName(table).key(key(subscriberId, postingId))
                    .updateExpression("SET #state = :state, finishedAt = :now, #detail = :detail REMOVE pendingKey, pendingSort")
                    .expressionAttributeNames(Map.of("#state", "state", "#detail", "detail"))
                    .expressionAttributeValues(Map.of(":state", s(state.stored()), ":now", s(now.toString()), ":detail", s(detail == null ? "" : detail))));
        }
    }

    /** Everything on one pending list ({@code instant}, {@code daily#07} …), grouped by subscriber in key order. */
    public List<Delivery> pending(String pendingKey) {
        var request = QueryRequest.builder().tableName(table).indexName("pending")
                .keyConditionExpression("pendingKey = :k")
                .expressionAttributeValues(Map.of(":k", s(pendingKey)))
                .build();
        List<Delivery> deliveries = new ArrayList<>();
        for (var page : dynamo.queryPaginator(request)) page.items().forEach(item -> deliveries.add(fromItem(item)));
        return deliveries;
    }

    /** Every ledger entry of one subscriber (operator view, and forgetting an address). */
    public List<Delivery> of(String subscriberId) {
        var request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("subscriberId = :id")
                .expressionAttributeValues(Map.of(":id", s(subscriberId)))
                .build();
        List<Delivery> deliveries = new ArrayList<>();
        for (var page : dynamo.queryPaginator(request)) page.items().forEach(item -> deliveries.add(fromItem(item)));
        return deliveries;
    }

    /**
     * A subscriber's matches that were or will be delivered (every state but {@code skipped}) and have not expired, in
     * no particular order: the feed's source. One Query on the subscriber's key, eventually consistent (a feed may
     * lag a second behind the ledger); the retention of 60 days bounds how much it reads.
     */
    public List<Delivery> deliverableOf(String subscriberId, Instant now) {
        var request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("subscriberId = :id")
                // DynamoDB deletes expired items up to days late; they are not matches any more.
                .filterExpression("#state <> :skipped AND (attribute_not_exists(expiresAt) OR expiresAt > :now)")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":id", s(subscriberId), ":skipped", s(DeliveryState.SKIPPED.stored()), ":now", n(now.getEpochSecond())))
                .build();
        List<Delivery> deliveries = new ArrayList<>();
        for (var page : dynamo.queryPaginator(request)) page.items().forEach(item -> deliveries.add(fromItem(item)));
        return deliveries;
    }

    public void deleteAllOf(String subscriberId) {
        for (Delivery delivery : of(subscriberId)) {
            dynamo.deleteItem(b -> b.tableName(table).key(key(subscriberId, delivery.postingId())));
        }
    }

    private static Map<String, AttributeValue> key(String subscriberId, String postingId) {
        return Map.of("subscriberId", s(subscriberId), "postingId", s(postingId));
    }

    private static Map<String, AttributeValue> toItem(Delivery delivery, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(delivery.subscriberId(), delivery.postingId()));
        item.put("searchId", s(delivery.searchId()));
        item.put("matchedTerms", AttributeValue.fromL(delivery.matchedTerms().stream().map(Attrs::s).toList()));
        item.put("state", s(delivery.state().stored()));
        item.put("claimedAt", s(now.toString()));
        if (delivery.pendingKey() != null) {
            item.put("pendingKey", s(delivery.pendingKey()));
            item.put("pendingSort", s(delivery.subscriberId() + "#" + delivery.postingId()));
        }
        item.put("expiresAt", n(now.plus(RETENTION).getEpochSecond()));
        return item;
    }

    static Delivery fromItem(Map<String, AttributeValue> item) {
        AttributeValue terms = item.get("matchedTerms");
        List<String> matched = terms == null || !terms.hasL() ? List.of() : terms.l().stream().map(AttributeValue::s).toList();
        String claimedAt = str(item, "claimedAt");
        return new Delivery(str(item, "subscriberId"), str(item, "postingId"), str(item, "searchId"), matched,
                DeliveryState.fromStored(str(item, "state")), claimedAt == null ? null : Instant.parse(claimedAt), str(item, "pendingKey"));
    }
}
