package dev.jobalerts.local.cloud;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a CloudFormation/SAM template written in YAML into a JSON tree, turning the short-form intrinsic
 * functions into their long form: {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes
 * {@code {"Fn::GetAtt": ["A", "B"]}} and {@code !Sub}, {@code !If}, {@code !Equals} … become {@code {"Fn::…": …}},
 * as CloudFormation itself does before it validates a template.
 */
public final class CloudFormationYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {}

    public static JsonNode read(InputStream yaml) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            parser.nextToken();
            return readValue(parser);
        }
    }

    private static JsonNode readValue(YAMLParser parser) throws IOException {
        String tag = parser.getTypeId();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
        // Local tags arrive without their "!"; standard YAML tags (tag:yaml.org,2002:…) are left alone.
        if (tag == null || tag.contains(":")) return value;
        return intrinsic(tag.startsWith("!") ? tag.substring(1) : tag, value);
    }

    private static JsonNode intrinsic(String name, JsonNode value) {
        ObjectNode function = NODES.objectNode();
        if (name.equals("Ref") || name.equals("Condition")) {
            function.set(name, value);
        } else if (name.equals("GetAtt") && value.isTextual()) {
            String text = value.asText();
            int dot = text.indexOf('.');
            ArrayNode parts = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
            function.set("Fn::GetAtt", parts);
        } else {
            function.set("Fn::" + name, value);
        }
        return function;
    }

    private static JsonNode readObject(YAMLParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            object.set(field, readValue(parser));
        }
        return object;
    }

    private static JsonNode readArray(YAMLParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) array.add(readValue(parser));
        return array;
    }
}
