package dev.jobalerts.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobalerts.url.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an operator says about a job board: where it is and how to read it. This is the JSON shape of
 * {@code infra/sources.json}, of {@code sources add --config} and of {@code parse --config}.
 *
 * @param url           the careers page a person sees, an API URL, a feed or any page with postings
 * @param kind          how to read it; {@link SourceKind#AUTO} detects the board family from the URL, then the response
 * @param selectors     CSS selectors for the {@code selectors} kind ({@code item}, {@code title}, {@code url} …)
 * @param every         how often to fetch, e.g. {@code 1h}; the schedule ticks hourly, so shorter is rounded up
 * @param delay         minimum pause between two requests to this host, e.g. {@code 1s}
 * @param followDetails when above zero, the listing only links to postings and up to this many detail pages are fetched per run
 * @param credentials   for APIs that need a key: credential name → reference ({@code env:NAME} or
 *                      {@code secret:NAME[#field]}, see {@link CredentialRef}); never the value itself
 * @param maxPostings   most postings read from one listing per run (paging stops there)
 * @param locale        BCP 47 tag of the board's language and date order, e.g. {@code en-US}, {@code de-DE}
 * @param remote        every posting of this board is remote unless it says otherwise (remote-only boards)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SourceDefinition(
        String id,
        String name,
        String url,
        SourceKind kind,
        Map<String, String> selectors,
        String every,
        String delay,
        Integer followDetails,
        Boolean paused,
        Map<String, String> credentials,
        Integer maxPostings,
        String locale,
        Boolean remote) {

    /** Postings read from one listing per run unless the source says otherwise. */
    public static final int DEFAULT_MAX_POSTINGS = 1_000;
    public static final int MAX_MAX_POSTINGS = 10_000;

    public SourceDefinition {
        Objects.requireNonNull(id, "id is required");
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}"))
            throw new IllegalArgumentException("id must be 1-64 lower-case letters, digits, '.', '_' or '-': " + id);
        Objects.requireNonNull(url, "url is required");
        URI parsed;
        try {
            parsed = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a valid URL: " + url);
        }
        if (!HttpUrls.isAbsoluteHttp(url))
            throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
        url = url.strip();
        name = name == null || name.isBlank() ? parsed.getHost() : name.strip();
        kind = kind == null ? SourceKind.AUTO : kind;
        selectors = selectors == null ? Map.of() : Map.copyOf(selectors);
        if (kind == SourceKind.SELECTORS && (!selectors.containsKey("item") || !selectors.containsKey("title")))
            throw new IllegalArgumentException("selectors needs at least \"item\" and \"title\" for kind selectors");
        every = every == null ? "1h" : every.strip();
        delay = delay == null ? "1s" : delay.strip();
        parseDuration("every", every);
        parseDuration("delay", delay);
        followDetails = followDetails == null ? 0 : followDetails;
        if (followDetails < 0 || followDetails > 500) throw new IllegalArgumentException("followDetails must be between 0 and 500");
        paused = paused != null && paused;
        Map<String, String> refs = new LinkedHashMap<>();
        if (credentials != null) {
            credentials.forEach((credential, reference) -> {
                if (credential == null || !credential.matches("[A-Za-z][A-Za-z0-9]{0,63}"))
                    throw new IllegalArgumentException("credentials has a bad name: " + credential);
                refs.put(credential, CredentialRef.parse("credentials." + credential, reference).toString());
            });
        }
        credentials = Map.copyOf(refs);
        maxPostings = maxPostings == null ? DEFAULT_MAX_POSTINGS : maxPostings;
        if (maxPostings < 1 || maxPostings > MAX_MAX_POSTINGS)
            throw new IllegalArgumentException("maxPostings must be between 1 and " + MAX_MAX_POSTINGS + ", was " + maxPostings);
        locale = locale == null || locale.isBlank() ? "en-US" : locale.strip();
        try {
            new Locale.Builder().setLanguageTag(locale);
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("locale must be a language tag such as en-US or de-DE, was " + locale);
        }
        remote = remote != null && remote;
    }

    /** A definition with only the fields the operator must give; everything else at its default. */
    public static SourceDefinition of(String id, String url, SourceKind kind) {
        return new SourceDefinition(id, null, url, kind, null, null, null, null, null, null, null, null, null);
    }

    public Duration everyDuration() {
        return parseDuration("every", every);
    }

    public Duration delayDuration() {
        return parseDuration("delay", delay);
    }

    /** The name the operator gave, or null when the name is only the default (the URL's host). */
    public String givenName() {
        String host = URI.create(url).getHost();
        return name.equalsIgnoreCase(host) ? null : name;
    }

    public Locale localeValue() {
        return Locale.forLanguageTag(locale);
    }

    /** The credential references, parsed. */
    public Map<String, CredentialRef> credentialRefs() {
        Map<String, CredentialRef> refs = new LinkedHashMap<>();
        credentials.forEach((credential, reference) -> refs.put(credential, CredentialRef.parse("credentials." + credential, reference)));
        return refs;
    }

    public SourceDefinition withPaused(boolean value) {
        return new SourceDefinition(id, name, url, kind, selectors, every, delay, followDetails, value, credentials, maxPostings, locale, remote);
    }

    public SourceDefinition withKind(SourceKind value) {
        return new SourceDefinition(id, name, url, value, selectors, every, delay, followDetails, paused, credentials, maxPostings, locale, remote);
    }

    /** Parses {@code 500ms}, {@code 2s}, {@code 15m}, {@code 1h}, {@code 1d}. */
    public static Duration parseDuration(String field, String text) {
        var matcher = java.util.regex.Pattern.compile("(\\d{1,6})(ms|s|m|h|d)").matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches())
            throw new IllegalArgumentException(field + " must look like 500ms, 2s, 15m, 1h or 1d: " + text);
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
