package dev.jobalerts.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.local.LocalCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample event under functions/events/ is read with the Lambda runtime's own serializer into its function's
 * input type ({@link SampleEvents}) and run through that function's handler on an empty local cloud: nothing fails.
 * {@link SampleEventEffectsIT} runs them where what they name exists and checks what they do.
 */
class SampleEventsIT {
    @TempDir
    static Path outbox;
    static LocalCloud cloud;
    static JsonNode template;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outbox));
        template = TemplateTest.template();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @TestFactory
    Stream<DynamicTest> everySampleEvent_deserialisesWithTheRuntimeSerializer_andRunsThroughItsHandler() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SampleEvents.DIRECTORY)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void run(Path file) throws Exception {
        SampleEvents.SampleEvent sample = SampleEvents.read(template, file.getFileName().toString());
        RequestHandler handler = cloud.handler(sample.handlerClass());
        Object response = handler.handleRequest(sample.event(), new LocalContext(sample.function(), 60));

        if (response instanceof APIGatewayV2HTTPResponse http) assertThat(http.getStatusCode()).isLessThan(500);
        if (response instanceof StreamsEventResponse stream) assertThat(stream.getBatchItemFailures()).isNullOrEmpty();
        if (response instanceof Map<?, ?> result) assertThat(result.containsKey("error")).as("fetch result " + result).isFalse();
    }
}
