package dev.jobalerts.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.log.Log;
import dev.jobalerts.store.Faults;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The batch loop of every DynamoDB-stream handler, written once in the shape of the batch module of Powertools for
 * AWS Lambda: the handler gives a function for one record's item and gets back the partial-failure response
 * ({@code ReportBatchItemFailures}, set on each stream's event source mapping in template.yaml).
 *
 * <p>A stream is ordered per key, so a batch is worked through in order and stops at the first record that must be
 * tried again. That record is reported; Lambda retries from the lowest reported sequence number, so it and every
 * later record of the batch come again, and the records before it stay done. Each record is
 * <ul>
 *   <li>read into the handler's item; a record that cannot be read (the reader returns null or throws) would not read
 *       better on a retry, so it is logged and skipped;</li>
 *   <li>not started once the deadline has passed: the batch resumes from it;</li>
 *   <li>retried from when the function answers {@link Outcome#RETRY} (a throttled send) or throws a fault that may
 *       pass ({@link Faults#isTransient}: throttling, a timeout, a 5xx);</li>
 *   <li>logged and skipped when the function throws anything else: that would fail the same way on every retry and
 *       hold up every healthy record behind it until the whole batch is dead-lettered.</li>
 * </ul>
 *
 * @param <T> what the handler makes of one record: a key, a posting
 */
public final class StreamBatch<T> {
    /** How one record's work ended, when it did not throw. */
    public enum Outcome {
        DONE,
        /** Not done, and worth trying again later (e.g. the send was throttled): the batch resumes from this record. */
        RETRY
    }

    /** The handler's work for one record's item. */
    @FunctionalInterface
    public interface RecordFunction<T> {
        Outcome apply(T item);
    }

    private final Function<DynamodbStreamRecord, T> reader;
    private final String idName;
    private final Function<T, ?> idOf;
    private final Clock clock;

    /**
     * @param reader makes the item of a record; null (or an exception) for a record that is not one
     * @param idName the log field naming an item ("page", "postingId"), with {@code idOf} its value
     * @param clock  the clock deadlines are on
     */
    public StreamBatch(Function<DynamodbStreamRecord, T> reader, String idName, Function<T, ?> idOf, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.idName = Objects.requireNonNull(idName, "idName");
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public StreamBatch(Function<DynamodbStreamRecord, T> reader, String idName, Function<T, ?> idOf) {
        this(reader, idName, idOf, Clock.systemUTC());
    }

    /** Works through the batch record by record, with no deadline of its own. */
    public StreamsEventResponse process(DynamodbEvent event, RecordFunction<T> function) {
        return process(event, Instant.MAX, function);
    }

    /** Works through the batch record by record, starting none after {@code deadline}. */
    public StreamsEventResponse process(DynamodbEvent event, Instant deadline, RecordFunction<T> function) {
        return oneByOne(records(event), this::read, deadline, function);
    }

    /**
     * Works on the batch's items in one call to {@code whole} (the matcher mails each subscriber once per batch).
     * A fault that may pass retries the whole batch from its first record. A fault that would recur is isolated
     * item by item through {@code each}, so that only the item that causes it is skipped and the healthy ones are not
     * dead-lettered with it.
     */
    public StreamsEventResponse processAtOnce(DynamodbEvent event, Consumer<List<T>> whole, RecordFunction<T> each) {
        List<DynamodbStreamRecord> records = records(event);
        if (records.isEmpty()) return new StreamsEventResponse();
        Map<DynamodbStreamRecord, T> itemOf = new IdentityHashMap<>();
        List<T> items = new ArrayList<>();
        for (DynamodbStreamRecord record : records) {
            T item = read(record);
            if (item == null) continue;
            itemOf.put(record, item);
            items.add(item);
        }
        try {
            whole.accept(items);
            return new StreamsEventResponse();
        } catch (RuntimeException e) {
            if (Faults.isTransient(e)) {
                Log.error("batch failed; it is retried from its first record", e, "records", records.size());
                return failedFrom(records.get(0));
            }
            Log.error("batch failed the same way it would again; working record by record", e, "records", records.size());
            // Unreadable records were logged once above and are skipped without a word here.
            return oneByOne(records, itemOf::get, Instant.MAX, each);
        }
    }

    private StreamsEventResponse oneByOne(List<DynamodbStreamRecord> records, Function<DynamodbStreamRecord, T> items,
                                          Instant deadline, RecordFunction<T> function) {
        for (DynamodbStreamRecord record : records) {
            if (!Instant.now(clock).isBefore(deadline)) {
                Log.warn("deadline reached; the batch resumes here on retry", "eventID", record.getEventID());
                return failedFrom(record);
            }
            T item = items.apply(record);
            if (item == null) continue;
            try {
                if (function.apply(item) == Outcome.RETRY) return failedFrom(record);
            } catch (RuntimeException e) {
                if (Faults.isTransient(e)) {
                    Log.error("record failed; the batch resumes here on retry", e, idName, idOf.apply(item));
                    return failedFrom(record);
                }
                Log.error("record cannot be processed; skipped", e, idName, idOf.apply(item));
            }
        }
        return new StreamsEventResponse();
    }

    /** The record's item, or null when it has none (logged: a record that reads wrong never reads right). */
    private T read(DynamodbStreamRecord record) {
        try {
            T item = reader.apply(record);
            if (item == null) Log.warn("stream record is not one this function handles, skipped", "eventID", record.getEventID());
            return item;
        } catch (RuntimeException poison) {
            Log.error("stream record cannot be read, skipped", poison, "eventID", record.getEventID());
            return null;
        }
    }

    private static List<DynamodbStreamRecord> records(DynamodbEvent event) {
        return event == null || event.getRecords() == null ? List.of() : event.getRecords();
    }

    /**
     * Reports {@code record} as the first failure. Lambda retries from the lowest failed sequence number, so
     * reporting it alone brings back it and every later record, none of which ran in this invocation.
     */
    static StreamsEventResponse failedFrom(DynamodbStreamRecord record) {
        String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
        return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequence)));
    }
}
