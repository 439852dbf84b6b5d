package dev.jobalerts.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * One board family (Workday, SmartRecruiters, Remotive …): recognises the family's URLs and makes the {@link Board}
 * that knows the requests to send and how to read the answers. Adapters are stateless and shared.
 */
public interface SourceAdapter {
    SourceKind kind();

    /**
     * The board behind a careers page a person sees or behind an API URL of this family; empty when the URL is not
     * one of this family's. Host patterns identify careers pages; an API path that only this family uses is
     * recognised on any host (a proxy, a mirror, a test fake).
     */
    Optional<Board> board(URI url);

    /**
     * For a source that names this kind although {@link #board} does not recognise its URL, and for an answer of this
     * family's shape found at an unknown URL: the board that reads the URL as this family's API itself (a mirror, a
     * saved copy, a test fake). Empty when the family needs more than the URL says (a Workday tenant and site).
     */
    default Optional<Board> boardAt(URI url) {
        return Optional.empty();
    }

    /** Whether a JSON answer has this family's unmistakable shape, for answers whose URL says nothing. */
    default boolean recognises(JsonNode root) {
        return false;
    }

    /** The credentials a source of this family must name, e.g. {@code apiKey} and {@code email} for USAJOBS. */
    default Set<String> credentials() {
        return Set.of();
    }

    /** The URL shapes people paste, for messages and the README: {@code https://{tenant}.wd{N}.myworkdayjobs.com/{site}}. */
    String urlPatterns();
}
