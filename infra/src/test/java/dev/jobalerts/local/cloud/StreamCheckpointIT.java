package dev.jobalerts.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.store.TableNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB Local on disk ({@code serve --data}) and stream positions saved in files: after a restart (clean or in
 * the middle of a batch) the poller resumes after the last batch its handler finished, and a database written by an
 * earlier run gets what the template has added since.
 */
class StreamCheckpointIT {
    @TempDir
    Path dir;

    /** Stands for the process dying inside the handler: not an exception the poller handles. */
    static final class Killed extends Error {}

    static final class Recorder implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
        final List<List<String>> batches = new ArrayList<>();
        String dieAt;

        @Override
        public StreamsEventResponse handleRequest(DynamodbEvent event, com.amazonaws.services.lambda.runtime.Context context) {
            List<String> keys = event.getRecords().stream().map(r -> r.getDynamodb().getKeys().get("postingId").getS()).toList();
            if (keys.contains(dieAt)) throw new Killed();
            batches.add(keys);
            return new StreamsEventResponse();
        }
    }

    private static EventSourceMapping matcher(int batchSize) {
        return EventSourceMapping.fromTemplate(Template.load()).stream()
                .filter(m -> m.function().equals("MatcherFunction")).findFirst().orElseThrow().withBatchSize(batchSize);
    }

    private StreamPoller poller(LocalDynamo dynamo, TableNames tables, int batchSize, Recorder recorder) {
        return new StreamPoller(dynamo.streams(), dynamo.streamArn(tables.postings()), matcher(batchSize), recorder, dead -> { },
                new StreamCheckpoint(dir.resolve("streams").resolve("matcher.json")));
    }

    private static void put(LocalDynamo dynamo, TableNames tables, String... ids) {
        for (String id : ids)
            dynamo.client().putItem(b -> b.tableName(tables.postings()).item(Map.of("postingId", AttributeValue.fromS(id))));
    }

    @Test
    void restartOnTheSameDirectory_keepsTheData_andResumesAfterTheLastHandledRecord() throws IOException {
        Files.createDirectories(dir.resolve("streams"));
        Recorder first = new Recorder();
        try (LocalDynamo dynamo = LocalDynamo.start("127.0.0.1", 0, dir.resolve("db"))) {
            TableNames tables = dynamo.ensureTables(Template.load(), "local");
            put(dynamo, tables, "a", "b", "c");
            StreamPoller poller = poller(dynamo, tables, 10, first);
            while (poller.pollOnce()) { }
        }
        assertThat(first.batches).containsExactly(List.of("a", "b", "c"));

        Recorder second = new Recorder();
        try (LocalDynamo dynamo = LocalDynamo.start("127.0.0.1", 0, dir.resolve("db"))) {
            TableNames tables = dynamo.ensureTables(Template.load(), "local");
            assertThat(dynamo.client().scan(b -> b.tableName(tables.postings())).count()).isEqualTo(3);
            put(dynamo, tables, "d");
            StreamPoller poller = poller(dynamo, tables, 10, second);
            while (poller.pollOnce()) { }
        }
        assertThat(second.batches).containsExactly(List.of("d"));
        try (Stream<Path> files = Files.list(dir.resolve("streams"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("matcher.json");
        }
    }

    @Test
    void deathInsideABatch_repeatsThatBatchOnly() {
        try (LocalDynamo dynamo = LocalDynamo.start("127.0.0.1", 0, dir.resolve("db"))) {
            TableNames tables = dynamo.ensureTables(Template.load(), "local");
            put(dynamo, tables, "a", "b", "c", "d", "e");
            Recorder dying = new Recorder();
            dying.dieAt = "c";
            assertThatThrownBy(() -> {
                StreamPoller poller = poller(dynamo, tables, 2, dying);
                while (poller.pollOnce()) { }
            }).isInstanceOf(Killed.class);
            assertThat(dying.batches).containsExactly(List.of("a", "b"));

            Recorder restarted = new Recorder();
            StreamPoller poller = poller(dynamo, tables, 2, restarted);
            while (poller.pollOnce()) { }

            assertThat(restarted.batches).containsExactly(List.of("c", "d"), List.of("e"));
        }
    }

    @Test
    void positionsOfAnotherStream_areIgnored() {
        try (LocalDynamo dynamo = LocalDynamo.start("127.0.0.1", 0, dir.resolve("db"))) {
            TableNames tables = dynamo.ensureTables(Template.load(), "local");
            new StreamCheckpoint(dir.resolve("streams").resolve("matcher.json"))
                    .save(new StreamCheckpoint.Positions("arn:of:a:table:that:is:gone", Map.of("shardId-1", "0001"), java.util.Set.of()));
            put(dynamo, tables, "a");
            Recorder recorder = new Recorder();
            StreamPoller poller = poller(dynamo, tables, 10, recorder);
            while (poller.pollOnce()) { }

            assertThat(recorder.batches).containsExactly(List.of("a"));
        }
    }

    @Test
    void ensureTables_onAnEarlierDatabase_addsTheIndexesTheTemplateHasSince() {
        try (LocalDynamo dynamo = LocalDynamo.start("127.0.0.1", 0, dir.resolve("db"))) {
            TableNames tables = dynamo.ensureTables(Template.load(), "local");
            put(dynamo, tables, "kept");
            dynamo.client().updateTable(b -> b.tableName(tables.postings())
                    .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("bySource"))));

            dynamo.ensureTables(Template.load(), "local");

            var indexes = dynamo.client().describeTable(b -> b.tableName(tables.postings())).table().globalSecondaryIndexes();
            assertThat(indexes).extracting(i -> i.indexName()).contains("bySource");
            assertThat(dynamo.client().scan(b -> b.tableName(tables.postings())).count()).isEqualTo(1);
        }
    }

    @Test
    void ensureTables_onADamagedDatabase_refusesWithExitTwo() throws IOException {
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("shared-local-instance.db"), "this is not SQLite ".repeat(200));
        try (LocalDynamo dynamo = LocalDynamo.start("127.0.0.1", 0, db)) {
            assertThatThrownBy(() -> dynamo.ensureTables(Template.load(), "local"))
                    .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessageContaining("restore the data directory from a backup");
        }
    }
}
