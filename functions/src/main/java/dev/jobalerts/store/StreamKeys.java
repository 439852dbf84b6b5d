package dev.jobalerts.store;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;

/** Small helpers every stream handler needs: read a key, report "retry from here". */
public final class StreamKeys {
    private StreamKeys() {}

    /** A string key attribute of the record, or null when the record is not shaped as expected. */
    public static String string(DynamodbEvent.DynamodbStreamRecord record, String name) {
        if (record == null || record.getDynamodb() == null || record.getDynamodb().getKeys() == null) return null;
        var value = record.getDynamodb().getKeys().get(name);
        return value == null ? null : value.getS();
    }

    /**
     * Reports the record as the first failure. Lambda retries from the lowest failed sequence number, so
     * reporting only the first is enough and later records are not processed twice in this invocation.
     */
    public static StreamsEventResponse failedFrom(DynamodbEvent.DynamodbStreamRecord record) {
        String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
        return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequence)));
    }
}
