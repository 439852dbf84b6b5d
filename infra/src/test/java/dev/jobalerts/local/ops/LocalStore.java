package dev.jobalerts.local.ops;

import dev.jobalerts.local.cli.CommandRun;
import dev.jobalerts.local.cloud.LocalDynamo;
import dev.jobalerts.local.cloud.Template;
import dev.jobalerts.store.TableNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local with the template's tables of stack "local", and a way to run a CLI command against it. */
final class LocalStore implements AutoCloseable {
    final LocalDynamo dynamo;
    final TableNames tables;

    private LocalStore() {
        dynamo = LocalDynamo.start(0);
        tables = dynamo.createTables(Template.load(), LocalDynamo.STACK);
    }

    static LocalStore start() {
        return new LocalStore();
    }

    DynamoDbClient client() {
        return dynamo.client();
    }

    /** Runs {@code command args… --endpoint <this store>} with an empty environment. */
    Run run(String command, String... args) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        words.add("--endpoint");
        words.add(dynamo.endpoint());
        return Run.of(command, words.toArray(String[]::new), Map.of());
    }

    @Override
    public void close() {
        dynamo.close();
    }

    /** What one command did: its exit code and both output streams. */
    record Run(int code, String out, String err) {
        static Run of(String command, String[] args, Map<String, String> env) {
            String[] words = Stream.concat(Stream.of(command), Arrays.stream(args)).toArray(String[]::new);
            CommandRun run = CommandRun.of(env, words);
            return new Run(run.code(), run.out(), run.err());
        }

        List<String> lines() {
            return out.lines().toList();
        }
    }
}
