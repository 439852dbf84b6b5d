package dev.jobalerts.extract;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.jobalerts.source.SourceKind;
import java.util.Objects;

/**
 * What read a page's postings: a board family's adapter or one of the page readers (each a {@link SourceKind}), or
 * {@link #NONE} when nothing on the page was a posting. Its {@link #id()} — {@code jsonld}, {@code greenhouse},
 * {@code none} — is the {@code extractor} field of log lines and CLI output and each posting's stored {@code source}.
 */
public final class ExtractorKind {
    /** Nothing found a posting. */
    public static final ExtractorKind NONE = new ExtractorKind(null);

    private final SourceKind kind;

    private ExtractorKind(SourceKind kind) {
        this.kind = kind;
    }

    public static ExtractorKind of(SourceKind kind) {
        return new ExtractorKind(Objects.requireNonNull(kind, "kind"));
    }

    /** The family or reader that found postings; null for {@link #NONE}. */
    public SourceKind kind() {
        return kind;
    }

    /** The name shown and stored: the kind's id, or {@code none}. */
    @JsonValue
    public String id() {
        return kind == null ? "none" : kind.id();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtractorKind that && this.kind == that.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(kind);
    }

    @Override
    public String toString() {
        return id();
    }
}
