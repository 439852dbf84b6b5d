package dev.jobalerts.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sample events under functions/events/ (the ones `sam local invoke -e` is pointed at), read as the Lambda runtime
 * reads them: with its own serializer, into the input type of the function's handler. A file's prefix names its
 * function: {@code api-…} → ApiFunction, {@code ses-…} → NotificationsFunction.
 */
final class SampleEvents {
    static final Path DIRECTORY = Path.of("..", "functions", "events");
    static final Map<String, String> FUNCTION_BY_PREFIX = Map.of(
            "fetcher", "FetcherFunction", "parser", "ParserFunction", "matcher", "MatcherFunction", "api", "ApiFunction",
            "ses", "NotificationsFunction", "digest", "DigestFunction", "confirmations", "ConfirmationsFunction");

    private SampleEvents() {}

    /** One sample event, read: the function it is for, that function's handler class, and the event object. */
    record SampleEvent(String function, String handlerClass, Object event) {}

    static SampleEvent read(JsonNode template, String fileName) throws IOException, ReflectiveOperationException {
        return read(template, fileName, Files.readString(DIRECTORY.resolve(fileName)));
    }

    /** Reads {@code json} as the event file {@code fileName} (whose prefix names the function), e.g. after filling in a token. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static SampleEvent read(JsonNode template, String fileName, String json) throws ReflectiveOperationException {
        String function = FUNCTION_BY_PREFIX.get(fileName.split("-")[0]);
        assertThat(function).as("event file prefix names a function: " + fileName).isNotNull();
        JsonNode properties = template.path("Resources").path(function).path("Properties");
        assertThat(properties.isMissingNode()).as(function + " exists in template.yaml").isFalse();
        String handlerClass = properties.path("Handler").asText().split("::")[0];
        Class<?> inputType = Class.forName(TemplateTest.inputTypeOf(Class.forName(handlerClass), "handleRequest"));
        PojoSerializer serializer = LambdaEventSerializers.isLambdaSupportedEvent(inputType.getName())
                ? LambdaEventSerializers.serializerFor(inputType, SampleEvents.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(inputType);
        return new SampleEvent(function, handlerClass, serializer.fromJson(json));
    }
}
