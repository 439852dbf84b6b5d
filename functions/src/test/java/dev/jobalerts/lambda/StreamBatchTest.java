package dev.jobalerts.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.jobalerts.store.StreamKeys;
import dev.jobalerts.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The batch loop every stream handler runs. Records carry their key in "id" and their sequence number is their
 * position; a record without an id is unreadable. "transient" fails with a fault that may pass, "broken" with one
 * that would recur, "throttled" answers RETRY.
 */
class StreamBatchTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final TestClock clock = new TestClock(NOW);
    final List<String> worked = new ArrayList<>();
    final StreamBatch<String> batch = new StreamBatch<>(record -> StreamKeys.string(record, "id"), "id", id -> id, clock);

    StreamBatch.Outcome work(String id) {
        worked.add(id);
        return switch (id) {
            case "transient" -> throw SdkClientException.create("connection reset");
            case "broken" -> throw new IllegalStateException("item too large");
            case "throttled" -> StreamBatch.Outcome.RETRY;
            default -> StreamBatch.Outcome.DONE;
        };
    }

    @Test
    void process_whenEveryRecordSucceeds_reportsNoFailure_andWorksInStreamOrder() {
        StreamsEventResponse response = batch.process(event("a", "b", "c"), this::work);

        assertThat(response.getBatchItemFailures()).isNullOrEmpty();
        assertThat(worked).containsExactly("a", "b", "c");
    }

    @Test
    void process_whenARecordIsUnreadable_skipsIt_andWorksTheRest() {
        StreamBatch<String> throwingReader = new StreamBatch<>(record -> {
            if (StreamKeys.string(record, "id") == null) throw new IllegalArgumentException("not an item");
            return StreamKeys.string(record, "id");
        }, "id", id -> id, clock);

        assertThat(batch.process(event("a", null, "c"), this::work).getBatchItemFailures()).isNullOrEmpty();
        assertThat(throwingReader.process(event("d", null, "e"), this::work).getBatchItemFailures()).isNullOrEmpty();
        assertThat(worked).containsExactly("a", "c", "d", "e");
    }

    @Test
    void process_whenARecordFailsForAReasonThatWouldRecur_skipsIt_andWorksTheRest() {
        StreamsEventResponse response = batch.process(event("a", "broken", "c"), this::work);

        assertThat(response.getBatchItemFailures()).isNullOrEmpty();
        assertThat(worked).containsExactly("a", "broken", "c");
    }

    @Test
    void process_whenARecordFailsMidBatchWithAFaultThatMayPass_reportsItAndStops() {
        StreamsEventResponse response = batch.process(event("a", "transient", "c"), this::work);

        assertThat(sequenceNumbers(response)).containsExactly("2");
        assertThat(worked).containsExactly("a", "transient");
    }

    @Test
    void process_whenARecordAsksForARetry_reportsItAndStops() {
        StreamsEventResponse response = batch.process(event("a", "throttled", "c"), this::work);

        assertThat(sequenceNumbers(response)).containsExactly("2");
        assertThat(worked).containsExactly("a", "throttled");
    }

    @Test
    void process_whenTheDeadlinePassesBeforeTheEnd_reportsTheFirstRecordNotStarted() {
        Instant deadline = NOW.plusSeconds(2);
        StreamsEventResponse response = batch.process(event("a", "b", "c", "d"), deadline, id -> {
            clock.advance(Duration.ofSeconds(1));
            return work(id);
        });

        assertThat(sequenceNumbers(response)).containsExactly("3");
        assertThat(worked).containsExactly("a", "b");
    }

    @Test
    void process_whenTheBatchIsEmpty_reportsNoFailure_andWorksNothing() {
        assertThat(batch.process(event(), this::work).getBatchItemFailures()).isNullOrEmpty();
        assertThat(batch.process(null, this::work).getBatchItemFailures()).isNullOrEmpty();
        assertThat(batch.process(new DynamodbEvent(), this::work).getBatchItemFailures()).isNullOrEmpty();
        assertThat(worked).isEmpty();
    }

    @Test
    void processAtOnce_whenTheBatchSucceeds_getsEveryReadableItemInOneCall() {
        List<List<String>> calls = new ArrayList<>();

        StreamsEventResponse response = batch.processAtOnce(event("a", null, "c"), calls::add, this::work);

        assertThat(response.getBatchItemFailures()).isNullOrEmpty();
        assertThat(calls).containsExactly(List.of("a", "c"));
        assertThat(worked).isEmpty();
    }

    @Test
    void processAtOnce_whenTheBatchFailsWithAFaultThatMayPass_reportsItsFirstRecord() {
        StreamsEventResponse response = batch.processAtOnce(event(null, "b", "c"), items -> {
            throw SdkClientException.create("throttled");
        }, this::work);

        assertThat(sequenceNumbers(response)).containsExactly("1");
        assertThat(worked).isEmpty();
    }

    @Test
    void processAtOnce_whenTheBatchFailsForAReasonThatWouldRecur_isolatesItItemByItem() {
        StreamsEventResponse response = batch.processAtOnce(event("a", null, "broken", "d"), items -> {
            throw new IllegalStateException("one item breaks the batch");
        }, this::work);

        assertThat(response.getBatchItemFailures()).isNullOrEmpty();
        assertThat(worked).containsExactly("a", "broken", "d");
    }

    @Test
    void processAtOnce_whenAnItemThenFailsWithAFaultThatMayPass_reportsThatItemsRecord() {
        StreamsEventResponse response = batch.processAtOnce(event("a", "broken", "transient", "d"), items -> {
            throw new IllegalStateException("one item breaks the batch");
        }, this::work);

        assertThat(sequenceNumbers(response)).containsExactly("3");
        assertThat(worked).containsExactly("a", "broken", "transient");
    }

    @Test
    void processAtOnce_whenTheBatchIsEmpty_callsNothing() {
        List<List<String>> calls = new ArrayList<>();

        assertThat(batch.processAtOnce(event(), calls::add, this::work).getBatchItemFailures()).isNullOrEmpty();
        assertThat(calls).isEmpty();
    }

    /** Records with these ids (null: no id) and sequence numbers 1, 2, … */
    static DynamodbEvent event(String... ids) {
        List<DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Map<String, AttributeValue> keys = ids[i] == null ? Map.of() : Map.of("id", new AttributeValue().withS(ids[i]));
            DynamodbStreamRecord record = new DynamodbStreamRecord();
            record.withEventID("event-" + (i + 1)).withDynamodb(new StreamRecord().withKeys(keys).withSequenceNumber(String.valueOf(i + 1)));
            records.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    static List<String> sequenceNumbers(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
