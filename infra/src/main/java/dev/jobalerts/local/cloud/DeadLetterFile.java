package dev.jobalerts.local.cloud;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * Where {@code serve --data} keeps the stream records a function gave up on after its retries, one JSON line each
 * (function, event, sequence number, keys): the local counterpart of the stack's SQS dead-letter queues, so what
 * failed is still known after a restart. The operator can act on it (e.g. {@code reparse --source ID}); nothing reads
 * it back automatically. Appended and flushed to the disk per batch; a line cut short by a crash is the last one.
 */
public final class DeadLetterFile {
    private final Path file;

    public DeadLetterFile(Path file) {
        this.file = file;
    }

    public synchronized void append(String function, List<DynamodbEvent.DynamodbStreamRecord> records) {
        StringBuilder lines = new StringBuilder();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("at", Instant.now().toString());
            line.put("function", function);
            line.put("eventName", record.getEventName());
            line.put("sequenceNumber", record.getDynamodb().getSequenceNumber());
            ObjectNode keys = line.putObject("keys");
            if (record.getDynamodb().getKeys() != null)
                record.getDynamodb().getKeys().forEach((name, value) -> keys.put(name, value.getS() != null ? value.getS() : String.valueOf(value.getN())));
            lines.append(line).append('\n');
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            System.err.println("{\"level\":\"ERROR\",\"message\":\"cannot record dead letters\",\"file\":\"" + file + "\",\"error\":\""
                    + String.valueOf(e.getMessage()).replace('"', '\'') + "\"}");
        }
    }
}
