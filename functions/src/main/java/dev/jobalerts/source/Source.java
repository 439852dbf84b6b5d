package dev.jobalerts.source;

import java.util.Objects;

/** A source as stored: the operator's definition, the fetch validators and its health. */
public record Source(SourceDefinition definition, FetchState fetchState, SourceHealth health) {
    public Source {
        Objects.requireNonNull(definition, "definition");
        fetchState = fetchState == null ? FetchState.none() : fetchState;
        health = health == null ? SourceHealth.unknown() : health;
    }

    public String id() {
        return definition.id();
    }
}
