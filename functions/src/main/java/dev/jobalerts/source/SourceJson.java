package dev.jobalerts.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.jobalerts.json.Json;
import java.util.stream.Collectors;

/**
 * Reads a source definition from the operator's JSON — a {@code sources.json} entry, a {@code --config} file, a stored
 * item — and says what is wrong with the field named: an unknown field, an unknown kind, a number where a CSS
 * selector belongs, a credential given as a value instead of a reference.
 */
public final class SourceJson {
    /** Our strict mapper, also refusing numbers and booleans where text belongs (a selector of 5 is a mistake). */
    private static final ObjectMapper STRICT = strict();

    public static final String FIELDS = "id, name, url, kind, selectors, every, delay, followDetails, paused, credentials, maxPostings, locale, remote";

    private SourceJson() {}

    /**
     * The definition in {@code node}; {@code where} names it in messages ({@code sources.json[3]}).
     *
     * @throws IllegalArgumentException saying what to fix
     */
    public static SourceDefinition read(JsonNode node, String where) {
        if (node == null || !node.isObject()) throw new IllegalArgumentException(where + " must be a JSON object (a source definition)");
        try {
            return STRICT.treeToValue(node, SourceDefinition.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(where + ": unknown field \"" + e.getPropertyName() + "\"; known fields are " + FIELDS);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(where + ": " + cause.getMessage());
        } catch (InvalidFormatException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(where + ": " + (cause != null && cause.getMessage() != null ? cause.getMessage()
                    : path(e) + " must be " + (e.getTargetType() == String.class ? "text" : "a " + e.getTargetType().getSimpleName())
                            + ", was " + e.getValue()));
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(where + ": " + path(e) + " has the wrong type (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": " + e.getOriginalMessage());
        }
    }

    private static String path(MismatchedInputException e) {
        String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "a field" : path.replace(".[", "[");
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = Json.mapper().copy();
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean})
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        return mapper;
    }
}
