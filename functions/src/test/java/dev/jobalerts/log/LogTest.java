package dev.jobalerts.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.coldstart.Restores;
import dev.jobalerts.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream before;
    /** A name no other test invokes, so this test's first invocation is the function's first. */
    private final String function = "LogTestFunction-" + UUID.randomUUID();

    @BeforeEach
    void capture() {
        before = Log.destination();
        Log.to(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Log.to(before);
        Log.threshold(Level.INFO);
    }

    @Test
    void lines_inAnInvocation_carryFunctionNameRequestIdAndColdStart_trueOnTheFirstOnly() throws IOException {
        Log.invocation(context(function, "request-1"));
        Log.info("page parsed", "url", "https://jobs.example/1");
        Log.invocation(context(function, "request-2"));
        Log.warn("posting not stored", "postingId", "p");

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("functionName").asText()).isEqualTo(function);
        assertThat(lines.get(0).get("requestId").asText()).isEqualTo("request-1");
        assertThat(lines.get(0).get("coldStart").asBoolean()).isTrue();
        assertThat(lines.get(0).get("message").asText()).isEqualTo("page parsed");
        assertThat(lines.get(0).get("url").asText()).isEqualTo("https://jobs.example/1");
        assertThat(lines.get(1).get("requestId").asText()).isEqualTo("request-2");
        assertThat(lines.get(1).get("coldStart").asBoolean()).isFalse();
        assertThat(lines.get(1).get("level").asText()).isEqualTo("WARN");
    }

    @Test
    void coldStart_afterARestoreFromASnapshot_isTrueAgainForTheFirstInvocation() throws IOException {
        Log.invocation(context(function, "before-snapshot"));
        Restores.restored();
        Log.invocation(context(function, "first-after-restore"));
        Log.info("batch matched");
        Log.invocation(context(function, "second-after-restore"));
        Log.info("batch matched");

        assertThat(lines()).extracting(line -> line.get("coldStart").asBoolean()).containsExactly(true, false);
    }

    @Test
    void primingInvocations_leaveTheColdStartForTheFirstRealInvocation_andMarkNoLines() throws IOException {
        Log.invocation(context(function, "before-snapshot"));
        Restores.restored(); // a fresh generation: nothing has been invoked in it yet
        Log.invocation(PrimingContext.INSTANCE);
        Log.info("primed");
        Log.invocation(context(function, "first-real"));
        Log.info("page parsed");

        List<JsonNode> lines = lines();
        assertThat(lines.get(0).has("requestId")).as("the priming thread's own line after its sample invocations").isFalse();
        assertThat(lines.get(0).has("coldStart")).isFalse();
        assertThat(lines.get(1).get("requestId").asText()).isEqualTo("first-real");
        assertThat(lines.get(1).get("coldStart").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DEBUG, 'debug,info,warn,error'", "INFO, 'info,warn,error'", "WARN, 'warn,error'", "ERROR, error"})
    void lines_belowTheLogLevel_areNotWritten(String level, String written) throws IOException {
        Log.threshold(Level.parse(level));
        Log.debug("debug");
        Log.info("info");
        Log.warn("warn");
        Log.error("error", new IllegalStateException("boom"));

        assertThat(lines()).extracting(line -> line.get("message").asText()).containsExactly(written.split(","));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {"debug, DEBUG", "WARN, WARN", " error , ERROR", "TRACE, TRACE", "FATAL, FATAL",
            "null, INFO", "verbose, INFO"})
    void level_readsLambdasNames_andDefaultsToInfo(String value, Level expected) {
        assertThat(Level.parse(value)).isEqualTo(expected);
    }

    @Test
    void metrics_areWrittenWhateverTheLogLevel() throws IOException {
        Log.threshold(Level.ERROR);
        Log.metrics("parser", Map.of("pages", 1));

        assertThat(lines()).hasSize(1);
    }

    /**
     * The structure CloudWatch's Embedded Metric Format specification requires: a root {@code _aws} member with a
     * millisecond {@code Timestamp} and {@code CloudWatchMetrics}, a list of directives each with a
     * {@code Namespace}, {@code Dimensions} (a list of dimension sets, each a list of names) and {@code Metrics}
     * (definitions with a {@code Name} and an optional {@code Unit} from CloudWatch's units); every dimension named is
     * a root member with a string value and every metric named a root member with a numeric value.
     */
    @Test
    void metrics_lineFollowsTheEmbeddedMetricFormatSpecification() throws IOException {
        Log.invocation(context(function, "request-emf"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("pages", 3);
        counts.put("postings", 12);
        long before = System.currentTimeMillis();
        Log.metrics("parser", counts);
        long after = System.currentTimeMillis();

        JsonNode line = lines().get(0);
        JsonNode aws = line.get("_aws");
        assertThat(aws.isObject()).isTrue();
        assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
        assertThat(aws.get("Timestamp").asLong()).as("milliseconds since the epoch, taken when written").isBetween(before, after);
        JsonNode directives = aws.get("CloudWatchMetrics");
        assertThat(directives.isArray()).isTrue();
        assertThat(directives).hasSize(1);
        JsonNode directive = directives.get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("jobalerts").hasSizeBetween(1, 255);
        assertThat(directive.get("Dimensions").isArray()).isTrue();
        for (JsonNode set : directive.get("Dimensions")) {
            assertThat(set.isArray()).isTrue();
            assertThat(set.size()).isBetween(1, 30);
            for (JsonNode dimension : set) assertThat(line.get(dimension.asText()).isTextual()).as(dimension.asText()).isTrue();
        }
        assertThat(line.get("function").asText()).isEqualTo("parser");
        List<String> names = new ArrayList<>();
        for (JsonNode metric : directive.get("Metrics")) {
            names.add(metric.get("Name").asText());
            assertThat(metric.get("Unit").asText()).isEqualTo("Count");
            assertThat(line.get(metric.get("Name").asText()).isNumber()).as(metric.get("Name").asText()).isTrue();
        }
        assertThat(names).containsExactlyInAnyOrder("pages", "postings").hasSizeLessThanOrEqualTo(100);
        assertThat(line.get("pages").asInt()).isEqualTo(3);
        assertThat(line.get("requestId").asText()).isEqualTo("request-emf");
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }

    private static Context context(String function, String requestId) {
        return new Context() {
            @Override public String getAwsRequestId() { return requestId; }
            @Override public String getLogGroupName() { return "/aws/lambda/" + function; }
            @Override public String getLogStreamName() { return "stream"; }
            @Override public String getFunctionName() { return function; }
            @Override public String getFunctionVersion() { return "$LATEST"; }
            @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:" + function; }
            @Override public CognitoIdentity getIdentity() { return null; }
            @Override public ClientContext getClientContext() { return null; }
            @Override public int getRemainingTimeInMillis() { return 60_000; }
            @Override public int getMemoryLimitInMB() { return 512; }
            @Override public LambdaLogger getLogger() { return null; }
        };
    }
}
