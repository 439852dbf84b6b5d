package dev.jobalerts.api;

/** Either a value read from a request or the reason it was refused: bad input is an expected outcome, not an exception. */
sealed interface Outcome<T> {
    record Ok<T>(T value) implements Outcome<T> {}

    record Failed<T>(ApiError error) implements Outcome<T> {}

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> failed(ApiError error) {
        return new Failed<>(error);
    }

    default boolean failed() {
        return this instanceof Failed;
    }

    default T value() {
        if (this instanceof Ok<T> ok) return ok.value();
        throw new IllegalStateException("no value: " + ((Failed<T>) this).error().code());
    }

    default ApiError error() {
        if (this instanceof Failed<T> failed) return failed.error();
        throw new IllegalStateException("no error in a success");
    }

    /** Carries a failure over to an outcome of another type. */
    default <U> Outcome<U> forward() {
        return new Failed<>(error());
    }
}
