package dev.jobalerts.adapter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.ExtractionConfig;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.json.Json;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * How to read one stored answer again, frozen when it was fetched and kept with it, so the parser (and
 * {@code reparse}, months later) needs neither the network nor the source's current definition. The fetcher writes it
 * with {@link #toJson()} into the page snapshot (the Pages table's {@code extraction} attribute) and the parser reads
 * it back with {@link #fromJson(String)}; no other code knows its JSON form.
 *
 * @param kind      the family or page reader that reads it; {@code auto} detects again
 * @param role      a listing page, a detail answer, or either (a file given to {@code parse})
 * @param sourceUrl the source's URL (the careers page), from which the board is recognised again
 * @param sourceName the name the operator gave the source (null when none): the company of a single-employer board
 * @param listed    for a detail answer: the listing's view of the posting, filling what the detail lacks
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadSpec(SourceKind kind, Role role, String sourceUrl, String sourceName, Map<String, String> selectors,
        String locale, Boolean remote, JsonNode listed) {

    /** What an answer is. */
    public enum Role {
        LISTING, DETAIL, ANY;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Role of(String id) {
            return id == null ? LISTING : valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public ReadSpec {
        kind = kind == null ? SourceKind.AUTO : kind;
        role = role == null ? Role.LISTING : role;
        selectors = selectors == null ? Map.of() : Map.copyOf(selectors);
    }

    /** A listing of no known source: the family and reader are detected from the answer itself. */
    public static ReadSpec detecting() {
        return new ReadSpec(null, Role.LISTING, null, null, null, null, null, null);
    }

    /** The stored form: a JSON object whose absent members take their defaults, so older snapshots read as written. */
    public String toJson() {
        return Json.write(this);
    }

    /**
     * The settings stored as {@code json} by {@link #toJson()}; members it does not know are ignored.
     *
     * @throws IllegalArgumentException when the text is not such an object (a kind or role no longer known, not JSON)
     */
    public static ReadSpec fromJson(String json) {
        try {
            return Json.mapper().readValue(json, ReadSpec.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A page of a source's listing, read by {@code kind} (the family detected when it was fetched). */
    public static ReadSpec listing(SourceDefinition source, SourceKind kind) {
        return new ReadSpec(kind, Role.LISTING, source.url(), source.givenName(), source.selectors(), source.locale(), source.remote(), null);
    }

    /** A detail answer of a source, with what its listing said about the posting. */
    public static ReadSpec detail(SourceDefinition source, SourceKind kind, PostingDraft listed) {
        return new ReadSpec(kind, Role.DETAIL, source.url(), source.givenName(), source.selectors(), source.locale(), source.remote(),
                listed == null ? null : listed.toJson());
    }

    /** A file of unknown role from {@code url}, read as {@code source} says (the {@code parse} command). */
    public static ReadSpec any(SourceDefinition source) {
        return new ReadSpec(source.kind(), Role.ANY, source.url(), source.givenName(), source.selectors(), source.locale(), source.remote(), null);
    }

    /**
     * How to read a saved answer described by a settings object with {@code kind}, {@code selectors}, {@code name},
     * {@code locale}, {@code remote} and {@code role} (absent: either role) — the {@code .source.json} beside each
     * file of the fixture corpus and the extraction benchmark. Other members are ignored.
     */
    public static ReadSpec ofSettings(JsonNode settings, String url) {
        Map<String, String> selectors = new java.util.LinkedHashMap<>();
        settings.path("selectors").properties().forEach(e -> selectors.put(e.getKey(), e.getValue().asText()));
        Role role = settings.has("role") ? Role.of(settings.get("role").asText()) : Role.ANY;
        return new ReadSpec(SourceKind.of(settings.path("kind").asText("auto")), role, url, settings.path("name").asText(null),
                selectors, settings.path("locale").asText(null), settings.path("remote").asBoolean(false), null);
    }

    /** The board's name for people ("also on: …"): the name the operator gave the source, else its URL's host. */
    public String boardName() {
        if (sourceName != null && !sourceName.isBlank()) return sourceName;
        try {
            String host = sourceUrl == null ? null : java.net.URI.create(sourceUrl).getHost();
            return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    /** The page readers' settings for this answer. */
    ExtractionConfig pageReaders() {
        SourceKind readerKind = kind.hasAdapter() || role == Role.DETAIL ? SourceKind.AUTO : kind;
        return new ExtractionConfig(readerKind, role == Role.DETAIL ? Map.of() : selectors, sourceName,
                locale == null ? Locale.US : Locale.forLanguageTag(locale), remote != null && remote);
    }
}
