package dev.jobalerts.local.cloud;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.pacing.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays the part of a Lambda event source mapping for one DynamoDB Local stream: reads every shard from
 * TRIM_HORIZON (parents before children), drops records the FilterCriteria reject, hands the rest to the
 * handler in batches of the mapping's size, and on failure retries from the first failed record
 * (ReportBatchItemFailures) or the whole batch, bisecting on errors when the mapping says so. A batch that
 * exhausts its retries goes to the dead-letter sink, like the OnFailure destination.
 *
 * <p>With a {@link StreamCheckpoint} ({@code serve --data}) it saves, after each batch, the last record handled on
 * its shard, and a new poller over the same stream resumes right after it, as Lambda does after a restart.
 */
public final class StreamPoller implements AutoCloseable {
    /** Lambda retries until records expire when MaximumRetryAttempts is -1; locally that would spin forever. */
    static final int LOCAL_RETRY_CAP = 10;
    /** Between retries of a failed batch: 100 ms, doubling to 800 ms; one poller per shard, so no jitter. */
    private static final Backoff RETRY_BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofMillis(800), Backoff.Jitter.NONE);

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final EventSourceMapping mapping;
    private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    private final Consumer<List<DynamodbEvent.DynamodbStreamRecord>> deadLetters;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> finishedShards = new HashSet<>();
    /** Per shard, the sequence number of the last record read, to resume after an iterator goes stale. */
    private final Map<String, String> lastSequence = new HashMap<>();
    /** Null: positions live in memory only (demo, tests, serve without --data). */
    private final StreamCheckpoint checkpoint;
    /** Per shard, the last record whose batch the handler finished (or that was filtered out before it). */
    private final Map<String, String> lastHandled = new LinkedHashMap<>();
    private boolean restored;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger recordsDelivered = new AtomicInteger();
    private final AtomicInteger invocations = new AtomicInteger();
    private Thread thread;

    public StreamPoller(DynamoDbStreamsClient streams, String streamArn, EventSourceMapping mapping,
                        RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
                        Consumer<List<DynamodbEvent.DynamodbStreamRecord>> deadLetters) {
        this(streams, streamArn, mapping, handler, deadLetters, null);
    }

    /** @param checkpoint where positions are saved and resumed from; null to keep them in memory */
    public StreamPoller(DynamoDbStreamsClient streams, String streamArn, EventSourceMapping mapping,
                        RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
                        Consumer<List<DynamodbEvent.DynamodbStreamRecord>> deadLetters, StreamCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
        this.streams = streams;
        this.streamArn = streamArn;
        this.mapping = mapping;
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    public EventSourceMapping mapping() {
        return mapping;
    }

    public String streamArn() {
        return streamArn;
    }

    public int recordsDelivered() {
        return recordsDelivered.get();
    }

    public int invocations() {
        return invocations.get();
    }

    /** Polls in the background every {@code intervalMillis} until closed. */
    public void start(long intervalMillis) {
        running.set(true);
        thread = new Thread(() -> {
            while (running.get()) {
                try {
                    if (!pollOnce()) Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    System.err.println("{\"level\":\"ERROR\",\"message\":\"stream poll failed\",\"function\":\"" + mapping.function() + "\",\"error\":\"" + e + "\"}");
                    sleepQuietly(intervalMillis);
                }
            }
        }, "poller-" + mapping.function());
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads what is new on every shard and delivers it; true when at least one record was read. Synchronized: tests may poll by hand. */
    public synchronized boolean pollOnce() {
        discoverShards();
        boolean readAny = false;
        for (var entry : new ArrayList<>(iterators.entrySet())) {
            String shardId = entry.getKey();
            String iterator = entry.getValue();
            if (iterator == null) continue;
            GetRecordsResponse response;
            try {
                response = streams.getRecords(b -> b.shardIterator(iterator).limit(1000));
            } catch (TrimmedDataAccessException | ExpiredIteratorException stale) {
                // DynamoDB Local invalidates an iterator that read an empty shard once records arrive (and real
                // iterators expire after 15 minutes): take a fresh one just after the last record we saw.
                iterators.put(shardId, resume(shardId));
                readAny = true;
                continue;
            }
            List<Record> records = response.records();
            if (!records.isEmpty()) {
                readAny = true;
                lastSequence.put(shardId, records.get(records.size() - 1).dynamodb().sequenceNumber());
                deliver(shardId, records);
            }
            if (response.nextShardIterator() == null) {
                iterators.put(shardId, null);
                finishedShards.add(shardId);
                lastHandled.remove(shardId);
                save();
            } else {
                iterators.put(shardId, response.nextShardIterator());
            }
        }
        return readAny;
    }

    private String resume(String shardId) {
        return iteratorAfter(shardId, lastSequence.get(shardId));
    }

    /** An iterator just after {@code after}, or at the shard's oldest record when it is null or no longer kept. */
    private String iteratorAfter(String shardId, String after) {
        if (after != null) {
            try {
                return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after)).shardIterator();
            } catch (TrimmedDataAccessException trimmed) {
                // Streams keep records for 24 hours: after a longer stop, the oldest record still kept is the next one.
                System.err.println("{\"level\":\"WARN\",\"message\":\"stream position older than the stream's 24-hour retention; resuming at its oldest record\",\"function\":\""
                        + mapping.function() + "\",\"shardId\":\"" + shardId + "\"}");
            }
        }
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }

    /** Takes over the positions a previous process saved, once, before the first read. */
    private void restore(Set<String> known) {
        restored = true;
        if (checkpoint == null) return;
        StreamCheckpoint.Positions saved = checkpoint.load(streamArn);
        for (String shard : saved.finished()) {
            if (!known.contains(shard)) continue;
            finishedShards.add(shard);
            iterators.put(shard, null);
        }
        saved.lastHandled().forEach((shard, sequence) -> {
            if (!known.contains(shard) || finishedShards.contains(shard)) return;
            lastHandled.put(shard, sequence);
            lastSequence.put(shard, sequence);
        });
    }

    private void save() {
        if (checkpoint == null) return;
        checkpoint.save(new StreamCheckpoint.Positions(streamArn, lastHandled, finishedShards));
    }

    private void discoverShards() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(exclusiveStart)).streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        Set<String> known = new HashSet<>();
        shards.forEach(s -> known.add(s.shardId()));
        if (!restored) restore(known);
        for (Shard shard : shards) {
            if (iterators.containsKey(shard.shardId())) continue;
            String parent = shard.parentShardId();
            // Per-key order: a child shard is read only after its parent is drained.
            if (parent != null && known.contains(parent) && !finishedShards.contains(parent)) continue;
            iterators.put(shard.shardId(), iteratorAfter(shard.shardId(), lastHandled.get(shard.shardId())));
        }
    }

    /**
     * Hands the records that pass the filters to the handler in batches of the mapping's size. After each batch the
     * position moves past its last record (and past the filtered-out records read with it) and is saved.
     */
    private void deliver(String shardId, List<Record> records) {
        List<DynamodbEvent.DynamodbStreamRecord> batch = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Record record = records.get(i);
            if (passesFilters(record)) batch.add(StreamRecords.toLambda(record, streamArn));
            boolean last = i == records.size() - 1;
            if (batch.size() == mapping.batchSize() || last) {
                if (!batch.isEmpty()) deliverBatch(List.copyOf(batch), 0);
                batch.clear();
                lastHandled.put(shardId, record.dynamodb().sequenceNumber());
                save();
            }
        }
    }

    private boolean passesFilters(Record record) {
        if (mapping.filters().isEmpty()) return true;
        var view = StreamRecords.filterView(record);
        return mapping.filters().stream().anyMatch(pattern -> FilterPattern.matches(pattern, view));
    }

    private void deliverBatch(List<DynamodbEvent.DynamodbStreamRecord> batch, int attemptsSoFar) {
        int maxRetries = mapping.maximumRetryAttempts() < 0 ? LOCAL_RETRY_CAP : mapping.maximumRetryAttempts();
        int attempts = attemptsSoFar;
        List<DynamodbEvent.DynamodbStreamRecord> remaining = batch;
        while (!remaining.isEmpty()) {
            int failedFrom;
            try {
                failedFrom = firstFailure(remaining, invoke(remaining));
            } catch (RuntimeException error) {
                System.err.println("{\"level\":\"ERROR\",\"message\":\"handler threw\",\"function\":\"" + mapping.function() + "\",\"error\":\"" + error + "\"}");
                if (mapping.bisectOnError() && remaining.size() > 1) {
                    int half = remaining.size() / 2;
                    deliverBatch(remaining.subList(0, half), attempts + 1);
                    deliverBatch(remaining.subList(half, remaining.size()), attempts + 1);
                    return;
                }
                failedFrom = 0;
            }
            if (failedFrom < 0) {
                recordsDelivered.addAndGet(remaining.size());
                return;
            }
            recordsDelivered.addAndGet(failedFrom);
            remaining = remaining.subList(failedFrom, remaining.size());
            if (++attempts > maxRetries) {
                deadLetters.accept(List.copyOf(remaining));
                return;
            }
            sleepQuietly(RETRY_BACKOFF.delay(attempts + 1).toMillis());
        }
    }

    private StreamsEventResponse invoke(List<DynamodbEvent.DynamodbStreamRecord> batch) {
        var event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(batch));
        invocations.incrementAndGet();
        return handler.handleRequest(event, new LocalContext(mapping.function(), 120));
    }

    /** Index of the first record to retry, or -1 when the batch succeeded. */
    private int firstFailure(List<DynamodbEvent.DynamodbStreamRecord> batch, StreamsEventResponse response) {
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) return -1;
        if (!mapping.reportBatchItemFailures()) return -1;
        int first = batch.size();
        for (var failure : response.getBatchItemFailures()) {
            int index = indexOf(batch, failure.getItemIdentifier());
            // An identifier that names no record of the batch fails the whole batch, as Lambda does.
            if (index < 0) return 0;
            first = Math.min(first, index);
        }
        return first;
    }

    private static int indexOf(List<DynamodbEvent.DynamodbStreamRecord> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).getDynamodb().getSequenceNumber().equals(sequenceNumber)) return i;
        }
        return -1;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
