package dev.jobalerts.local.cloud;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.store.StreamImages;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Converts records read from a DynamoDB stream with SDK v2 into the Lambda event model a stream handler
 * receives, and into the JSON shape that FilterCriteria patterns are written against.
 */
final class StreamRecords {
    private StreamRecords() {}

    static DynamodbEvent.DynamodbStreamRecord toLambda(Record record, String streamArn) {
        var stream = record.dynamodb();
        StreamRecord lambdaStream = new StreamRecord()
                .withSequenceNumber(stream.sequenceNumber())
                .withSizeBytes(stream.sizeBytes())
                .withStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(stream.streamViewTypeAsString()))
                .withApproximateCreationDateTime(stream.approximateCreationDateTime() == null ? new Date()
                        : Date.from(stream.approximateCreationDateTime()));
        if (stream.hasKeys()) lambdaStream.setKeys(StreamImages.toLambda(stream.keys()));
        if (stream.hasNewImage()) lambdaStream.setNewImage(StreamImages.toLambda(stream.newImage()));
        if (stream.hasOldImage()) lambdaStream.setOldImage(StreamImages.toLambda(stream.oldImage()));
        var lambda = new DynamodbEvent.DynamodbStreamRecord();
        lambda.setEventSourceARN(streamArn);
        lambda.withEventID(record.eventID())
                .withEventName(record.eventNameAsString())
                .withEventVersion(record.eventVersion())
                .withEventSource("aws:dynamodb")
                .withAwsRegion(record.awsRegion() == null ? "us-east-1" : record.awsRegion())
                .withDynamodb(lambdaStream);
        return lambda;
    }

    /** The record as Lambda's filtering sees it: {@code eventName}, {@code dynamodb.Keys}, {@code dynamodb.NewImage} in DynamoDB JSON. */
    static JsonNode filterView(Record record) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("eventName", record.eventNameAsString());
        root.put("eventSource", "aws:dynamodb");
        root.put("awsRegion", record.awsRegion());
        ObjectNode dynamodb = root.putObject("dynamodb");
        if (record.dynamodb().hasKeys()) dynamodb.set("Keys", image(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) dynamodb.set("NewImage", image(record.dynamodb().newImage()));
        if (record.dynamodb().hasOldImage()) dynamodb.set("OldImage", image(record.dynamodb().oldImage()));
        return root;
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        item.forEach((name, value) -> node.set(name, typed(value)));
        return node;
    }

    private static JsonNode typed(AttributeValue value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case M -> node.set("M", image(value.m()));
            case L -> value.l().forEach(v -> node.withArray("L").add(typed(v)));
            case SS -> value.ss().forEach(v -> node.withArray("SS").add(v));
            case NS -> value.ns().forEach(v -> node.withArray("NS").add(v));
            default -> node.putNull("NULL");
        }
        return node;
    }
}
