package dev.jobalerts.search;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a saved search treats remote postings relative to its location filter. */
public enum RemoteMode {
    /** The location filter applies to every posting, remote or not. */
    ANY,
    /** Remote postings pass the location filter. */
    INCLUDE,
    /** Only remote postings match. */
    ONLY,
    /** Remote postings never match. */
    EXCLUDE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RemoteMode fromWire(String value) {
        if (value == null) return ANY;
        return Arrays.stream(values())
                .filter(mode -> mode.wireName().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "remote must be one of any, include, only, exclude; was \"" + value + "\""));
    }
}
