package dev.jobalerts.store;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Terse conversions between Java values and DynamoDB attribute values; absent attributes read as null. */
public final class Attrs {
    private Attrs() {}

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue n(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue bytes(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    public static Long num(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : (long) Double.parseDouble(value.n());
    }

    public static Double dbl(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Double.parseDouble(value.n());
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    public static byte[] bin(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.b() == null ? null : value.b().asByteArray();
    }

    /** Puts {@code value} under {@code name} only when it is not null: DynamoDB has no use for NULL attributes here. */
    public static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) item.put(name, s(value));
    }
}
