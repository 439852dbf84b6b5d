package dev.jobalerts.snapstart;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import dev.jobalerts.store.StreamImages;
import java.util.Date;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stream events for priming, built from items the way DynamoDB Streams would deliver them. */
public final class SampleEvents {
    private SampleEvents() {}

    /** One record of {@code eventName} (INSERT, MODIFY) with {@code keys} and, when not null, a new image. */
    public static DynamodbEvent streamEvent(String eventName, Map<String, AttributeValue> keys, Map<String, AttributeValue> newImage) {
        StreamRecord stream = new StreamRecord()
                .withKeys(StreamImages.toLambda(keys))
                .withSequenceNumber("1")
                .withSizeBytes(1L)
                .withApproximateCreationDateTime(new Date())
                .withStreamViewType(newImage == null ? StreamViewType.KEYS_ONLY : StreamViewType.NEW_IMAGE);
        if (newImage != null) stream.setNewImage(StreamImages.toLambda(newImage));
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventSourceARN("arn:aws:dynamodb:us-east-1:000000000000:table/priming/stream/priming");
        record.withEventID("priming").withEventName(eventName).withEventSource("aws:dynamodb").withAwsRegion("us-east-1")
                .withDynamodb(stream);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
