package dev.jobalerts.local.cli;

import dev.jobalerts.source.SourceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option text becomes a typed value, in one place. Messages are worded to follow the option's name
 * ({@code --port must be a port number 0-65535: http}), which {@link UsageErrors} puts in front.
 */
public final class Converters {
    private Converters() {}

    /** A TCP port; 0 asks the system for a free one. */
    public static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                int port = Integer.parseInt(text.strip());
                if (port >= 0 && port <= 65535) return port;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("must be a port number 0-65535: " + text);
        }
    }

    /** A count above zero; {@code 100_000} and {@code 100,000} read as a person writes them. */
    public static final class PositiveCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                int number = Integer.parseInt(text.replace("_", "").replace(",", "").strip());
                if (number > 0) return number;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("must be a positive whole number, was " + text);
        }
    }

    /** Any whole number; the record it goes into checks its range and says so. */
    public static final class WholeNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("must be a whole number: " + text);
            }
        }
    }

    /** A day, {@code 2026-11-22}. */
    public static final class Day implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("must be YYYY-MM-DD, was " + text);
            }
        }
    }

    /** An instant, {@code 2026-04-10T12:00:00Z}. */
    public static final class IsoInstant implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("must be an ISO instant such as 2026-04-10T12:00:00Z, was " + text);
            }
        }
    }

    /** A lower bound in time: a UTC day ({@code 2026-11-22}, from its midnight) or an instant ({@code 2026-11-22T08:00:00Z}). */
    public static final class Since implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            try {
                if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("must be a date like 2026-11-22 or an instant like 2026-11-22T08:00:00Z: " + text);
            }
        }
    }

    /** A duration as source definitions write it: {@code 500ms}, {@code 2s}, {@code 15m}, {@code 1h}, {@code 1d}. */
    public static final class Interval implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                // No field name: the message then starts "must look like …" and follows the option's name.
                return SourceDefinition.parseDuration("", text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage().strip());
            }
        }
    }
}
