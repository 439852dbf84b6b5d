package dev.jobalerts.store;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Lambda hands stream images over in its own attribute-value model; the stores speak SDK v2. This converts both
 * ways so that one item mapping serves the table and the stream (the local cloud and SnapStart priming build stream
 * events from items).
 */
public final class StreamImages {
    private StreamImages() {}

    public static Map<String, AttributeValue> toSdk(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        if (image != null) image.forEach((name, value) -> item.put(name, toSdk(value)));
        return item;
    }

    static AttributeValue toSdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        if (value.getS() != null) return AttributeValue.fromS(value.getS());
        if (value.getN() != null) return AttributeValue.fromN(value.getN());
        if (value.getBOOL() != null) return AttributeValue.fromBool(value.getBOOL());
        if (value.getB() != null) return AttributeValue.fromB(SdkBytes.fromByteBuffer(value.getB().duplicate()));
        if (value.getM() != null) return AttributeValue.fromM(toSdk(value.getM()));
        if (value.getL() != null) return AttributeValue.fromL(value.getL().stream().map(StreamImages::toSdk).toList());
        if (value.getSS() != null) return AttributeValue.fromSs(value.getSS());
        if (value.getNS() != null) return AttributeValue.fromNs(value.getNS());
        if (value.getBS() != null) return AttributeValue.fromBs(value.getBS().stream().map(b -> SdkBytes.fromByteBuffer(b.duplicate())).toList());
        return AttributeValue.fromNul(true);
    }

    public static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> toLambda(Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image = new LinkedHashMap<>();
        item.forEach((name, value) -> image.put(name, toLambda(value)));
        return image;
    }

    static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue toLambda(AttributeValue value) {
        var result = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (value.type()) {
            case S -> result.setS(value.s());
            case N -> result.setN(value.n());
            case B -> result.setB(value.b().asByteBuffer());
            case BOOL -> result.setBOOL(value.bool());
            case NUL -> result.setNULL(true);
            case SS -> result.setSS(value.ss());
            case NS -> result.setNS(value.ns());
            case BS -> result.setBS(value.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case L -> result.setL(value.l().stream().map(StreamImages::toLambda).toList());
            case M -> result.setM(toLambda(value.m()));
            default -> throw new IllegalArgumentException("unsupported attribute type " + value.type());
        }
        return result;
    }

    /** A stream event of one record of {@code eventName} (INSERT, MODIFY) with {@code keys} and, unless null, a new image. */
    public static DynamodbEvent event(String eventName, Map<String, AttributeValue> keys, Map<String, AttributeValue> newImage) {
        StreamRecord stream = new StreamRecord()
                .withKeys(toLambda(keys))
                .withSequenceNumber("1")
                .withSizeBytes(1L)
                .withApproximateCreationDateTime(new Date())
                .withStreamViewType(newImage == null ? StreamViewType.KEYS_ONLY : StreamViewType.NEW_IMAGE);
        if (newImage != null) stream.setNewImage(toLambda(newImage));
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventSourceARN("arn:aws:dynamodb:us-east-1:000000000000:table/local/stream/local");
        record.withEventID(eventName + "-" + keys.hashCode()).withEventName(eventName).withEventSource("aws:dynamodb")
                .withAwsRegion("us-east-1").withDynamodb(stream);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
