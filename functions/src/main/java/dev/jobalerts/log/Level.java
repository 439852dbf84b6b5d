package dev.jobalerts.log;

import java.util.Locale;

/** Log levels in the order {@code AWS_LAMBDA_LOG_LEVEL} names them (Lambda's advanced logging controls). */
enum Level {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /** The level {@code value} names, case-insensitively; INFO, Lambda's default, when it is unset or unknown. */
    static Level parse(String value) {
        if (value == null) return INFO;
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return INFO;
        }
    }

    boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
