package dev.jobalerts.search;

/** A saved search field that fails validation; {@code field} names it for the API's error body. */
public final class InvalidSearchException extends IllegalArgumentException {
    private final String field;

    public InvalidSearchException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
