package dev.jobalerts.store;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;

/** Reads the key attributes of a stream record (the batch loop itself is {@code dev.jobalerts.lambda.StreamBatch}). */
public final class StreamKeys {
    private StreamKeys() {}

    /** A string key attribute of the record, or null when the record is not shaped as expected. */
    public static String string(DynamodbEvent.DynamodbStreamRecord record, String name) {
        if (record == null || record.getDynamodb() == null || record.getDynamodb().getKeys() == null) return null;
        var value = record.getDynamodb().getKeys().get(name);
        return value == null ? null : value.getS();
    }
}
