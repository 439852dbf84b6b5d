package dev.jobalerts.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A DynamoDB stream → function mapping as template.yaml declares it (an {@code Events} entry of type
 * {@code DynamoDB}). The local pollers take batch size, filters, retries and partial-failure reporting from
 * here, so local runs behave like the deployed event source mappings.
 *
 * @param handler  the function's {@code Handler}, e.g. {@code dev.jobalerts.parser.ParserHandler::handleRequest}
 * @param table    logical id of the table whose stream feeds the function
 * @param filters  FilterCriteria patterns; a record passes when any pattern matches (none: all pass)
 */
public record EventSourceMapping(String function, String handler, String table, int batchSize, List<JsonNode> filters,
                                 boolean reportBatchItemFailures, int maximumRetryAttempts, boolean bisectOnError) {

    public EventSourceMapping {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(table, "table");
        filters = List.copyOf(filters);
    }

    public EventSourceMapping withBatchSize(int size) {
        return new EventSourceMapping(function, handler, table, size, filters, reportBatchItemFailures, maximumRetryAttempts, bisectOnError);
    }

    public EventSourceMapping withRetries(int retries) {
        return new EventSourceMapping(function, handler, table, batchSize, filters, reportBatchItemFailures, retries, bisectOnError);
    }

    public String handlerClass() {
        int colons = handler.indexOf("::");
        return colons < 0 ? handler : handler.substring(0, colons);
    }

    /** Every DynamoDB stream mapping of every function in the template. */
    public static List<EventSourceMapping> fromTemplate(JsonNode template) {
        List<EventSourceMapping> mappings = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            JsonNode function = resource.getValue();
            if (!"AWS::Serverless::Function".equals(function.path("Type").asText())) return;
            String handler = function.path("Properties").path("Handler").asText();
            function.path("Properties").path("Events").forEach(event -> {
                if (!"DynamoDB".equals(event.path("Type").asText())) return;
                JsonNode props = event.path("Properties");
                JsonNode stream = props.path("Stream").path("Fn::GetAtt");
                List<JsonNode> filters = new ArrayList<>();
                for (JsonNode filter : props.path("FilterCriteria").path("Filters")) filters.add(parsePattern(filter.path("Pattern").asText()));
                boolean partial = false;
                for (JsonNode type : props.path("FunctionResponseTypes")) partial |= "ReportBatchItemFailures".equals(type.asText());
                mappings.add(new EventSourceMapping(resource.getKey(), handler, stream.path(0).asText(),
                        props.path("BatchSize").asInt(100), filters, partial,
                        props.path("MaximumRetryAttempts").asInt(-1), props.path("BisectBatchOnFunctionError").asBoolean(false)));
            });
        });
        return mappings;
    }

    private static JsonNode parsePattern(String pattern) {
        try {
            return new ObjectMapper().readTree(pattern);
        } catch (IOException e) {
            throw new IllegalArgumentException("FilterCriteria pattern is not JSON: " + pattern, e);
        }
    }
}
