package dev.jobalerts.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.store.TableNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The local stand-in for Lambda's event source mapping, against DynamoDB Local's real stream API. */
class StreamPollerIT {
    static LocalDynamo dynamo;
    static int stacks;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamo.start(0);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    /** Records every batch; fails the record whose key is in {@code failOnce} the first time it is seen. */
    static final class Recorder implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
        final List<List<String>> batches = new ArrayList<>();
        final AtomicBoolean failed = new AtomicBoolean();
        String failOnce;

        @Override
        public StreamsEventResponse handleRequest(DynamodbEvent event, com.amazonaws.services.lambda.runtime.Context context) {
            List<String> keys = event.getRecords().stream().map(r -> r.getDynamodb().getKeys().get("postingId").getS()).toList();
            batches.add(keys);
            for (var record : event.getRecords()) {
                if (record.getDynamodb().getKeys().get("postingId").getS().equals(failOnce) && failed.compareAndSet(false, true)) {
                    return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
                }
            }
            return new StreamsEventResponse();
        }
    }

    private static EventSourceMapping matcherMapping(int batchSize) {
        return EventSourceMapping.fromTemplate(Template.load()).stream()
                .filter(m -> m.function().equals("MatcherFunction")).findFirst().orElseThrow()
                .withBatchSize(batchSize);
    }

    private static void put(TableNames tables, String id) {
        dynamo.client().putItem(b -> b.tableName(tables.postings()).item(Map.of("postingId", AttributeValue.fromS(id), "title", AttributeValue.fromS("t"))));
    }

    private static TableNames freshTables() {
        return dynamo.createTables(Template.load(), "poller" + (++stacks));
    }

    @Test
    void pollOnce_afterAnEmptyRead_stillDeliversRecordsWrittenLater() {
        TableNames tables = freshTables();
        Recorder recorder = new Recorder();
        var poller = new StreamPoller(dynamo.streams(), dynamo.streamArn(tables.postings()), matcherMapping(100), recorder, dead -> { });

        assertThat(poller.pollOnce()).isFalse();
        put(tables, "p1");
        while (poller.pollOnce()) { }

        assertThat(recorder.batches).containsExactly(List.of("p1"));
    }

    @Test
    void reportedFailure_retriesFromTheFailedRecord_only() {
        TableNames tables = freshTables();
        for (String id : List.of("a", "b", "c")) put(tables, id);
        Recorder recorder = new Recorder();
        recorder.failOnce = "b";
        var poller = new StreamPoller(dynamo.streams(), dynamo.streamArn(tables.postings()), matcherMapping(10), recorder, dead -> { });

        while (poller.pollOnce()) { }

        assertThat(recorder.batches).containsExactly(List.of("a", "b", "c"), List.of("b", "c"));
        assertThat(poller.recordsDelivered()).isEqualTo(3);
    }

    @Test
    void filterCriteria_dropModifyAndRemoveRecords_forTheInsertOnlyMatcher() {
        TableNames tables = freshTables();
        put(tables, "x");
        put(tables, "x");
        dynamo.client().deleteItem(b -> b.tableName(tables.postings()).key(Map.of("postingId", AttributeValue.fromS("x"))));
        Recorder recorder = new Recorder();
        var poller = new StreamPoller(dynamo.streams(), dynamo.streamArn(tables.postings()), matcherMapping(10), recorder, dead -> { });

        while (poller.pollOnce()) { }

        assertThat(recorder.batches).containsExactly(List.of("x"));
    }

    @Test
    void batchThatKeepsFailing_goesToTheDeadLetterSink_afterItsRetries() {
        TableNames tables = freshTables();
        put(tables, "poison");
        List<String> dead = new ArrayList<>();
        RequestHandler<DynamodbEvent, StreamsEventResponse> alwaysThrows = (event, context) -> {
            throw new IllegalStateException("boom");
        };
        var poller = new StreamPoller(dynamo.streams(), dynamo.streamArn(tables.postings()), matcherMapping(10).withRetries(1),
                alwaysThrows, records -> records.forEach(r -> dead.add(r.getDynamodb().getKeys().get("postingId").getS())));

        while (poller.pollOnce()) { }

        assertThat(dead).containsExactly("poison");
        assertThat(poller.invocations()).isEqualTo(2);
    }
}
