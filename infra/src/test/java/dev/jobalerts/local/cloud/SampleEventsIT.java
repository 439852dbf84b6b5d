package dev.jobalerts.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.local.LocalCloud;
import java.io.InputStream;
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
 * Every sample event under functions/events/ (the ones `sam local invoke -e` is pointed at) is read with the Lambda
 * runtime's own serializer into its function's input type and run through that function's handler on the local
 * cloud. A file's prefix names its function: {@code api-…} → ApiFunction, {@code ses-…} → NotificationsFunction.
 */
class SampleEventsIT {
    static final Path EVENTS = Path.of("..", "functions", "events");
    static final Map<String, String> FUNCTION_BY_PREFIX = Map.of(
            "fetcher", "FetcherFunction", "parser", "ParserFunction", "matcher", "MatcherFunction", "api", "ApiFunction",
            "ses", "NotificationsFunction", "digest", "DigestFunction", "confirmations", "ConfirmationsFunction");

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
        try (Stream<Path> listing = Files.list(EVENTS)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void run(Path file) throws Exception {
        String prefix = file.getFileName().toString().split("-")[0];
        String function = FUNCTION_BY_PREFIX.get(prefix);
        assertThat(function).as("event file prefix names a function: " + file).isNotNull();
        JsonNode properties = template.path("Resources").path(function).path("Properties");
        assertThat(properties.isMissingNode()).as(function + " exists in template.yaml").isFalse();
        String handlerClass = properties.path("Handler").asText().split("::")[0];
        Class<?> inputType = Class.forName(TemplateTest.inputTypeOf(Class.forName(handlerClass), "handleRequest"));

        Object event;
        try (InputStream in = Files.newInputStream(file)) {
            PojoSerializer serializer = LambdaEventSerializers.isLambdaSupportedEvent(inputType.getName())
                    ? LambdaEventSerializers.serializerFor(inputType, getClass().getClassLoader())
                    : JacksonFactory.getInstance().getSerializer(inputType);
            event = serializer.fromJson(in);
        }
        RequestHandler handler = cloud.handler(handlerClass);
        Object response = handler.handleRequest(event, new LocalContext(function, 60));

        if (response instanceof APIGatewayV2HTTPResponse http) assertThat(http.getStatusCode()).isLessThan(500);
        if (response instanceof StreamsEventResponse stream) assertThat(stream.getBatchItemFailures()).isNullOrEmpty();
        if (response instanceof Map<?, ?> result) assertThat(result.containsKey("error")).as("fetch result " + result).isFalse();
    }
}
