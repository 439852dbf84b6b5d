package dev.jobalerts.coldstart;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use and kept. What a function builds in its constructor is paid on every cold start, even by
 * an invocation that never needs it; what is lazy is paid by the first use, which SnapStart priming makes before the
 * snapshot. Thread-safe: {@code make} runs at most once, unless it throws, and then it is tried again next time.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> make;
    private volatile T value;

    private Lazy(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    public static <T> Lazy<T> of(Supplier<? extends T> make) {
        return new Lazy<>(make);
    }

    @Override
    public T get() {
        T current = value;
        if (current != null) return current;
        synchronized (this) {
            if (value == null) value = Objects.requireNonNull(make.get(), "a lazy value must not be null");
            return value;
        }
    }
}
