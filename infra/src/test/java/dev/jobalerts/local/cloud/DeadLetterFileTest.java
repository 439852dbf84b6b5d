package dev.jobalerts.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterFileTest {
    @TempDir
    Path dir;

    static DynamodbEvent.DynamodbStreamRecord record(String sequence, String url) {
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withSequenceNumber(sequence).withKeys(Map.of("url", new AttributeValue().withS(url))));
        return record;
    }

    @Test
    void append_keepsOneLinePerRecord_acrossCalls() throws Exception {
        DeadLetterFile file = new DeadLetterFile(dir.resolve("dead-letters.jsonl"));

        file.append("ParserFunction", List.of(record("0001", "https://a.example/jobs"), record("0002", "https://b.example/jobs")));
        file.append("ParserFunction", List.of(record("0003", "https://c.example/jobs")));

        List<String> lines = Files.readAllLines(dir.resolve("dead-letters.jsonl"));
        assertThat(lines).hasSize(3);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.get("function").asText()).isEqualTo("ParserFunction");
        assertThat(first.get("eventName").asText()).isEqualTo("INSERT");
        assertThat(first.get("sequenceNumber").asText()).isEqualTo("0001");
        assertThat(first.get("keys").get("url").asText()).isEqualTo("https://a.example/jobs");
        assertThat(first.get("at").asText()).isNotBlank();
    }
}
