package dev.jobalerts.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an operator says about a job board: where it is and how to read it. This is the JSON shape of
 * {@code infra/sources.json}, of {@code sources add --config} and of {@code parse --config}.
 *
 * @param kind          which extractor to use, {@code auto} to detect
 * @param selectors     CSS selectors for the {@code selectors} kind ({@code item}, {@code title}, {@code url} …)
 * @param every         how often to fetch, e.g. {@code 1h}; the schedule ticks hourly, so shorter is rounded up
 * @param delay         minimum pause between two requests to this host, e.g. {@code 1s}
 * @param followDetails when above zero, the listing only links to postings and up to this many detail pages are fetched per run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceDefinition(
        String id,
        String name,
        String url,
        String kind,
        Map<String, String> selectors,
        String every,
        String delay,
        Integer followDetails,
        Boolean paused) {

    public static final Set<String> KINDS = Set.of(
            "auto", "greenhouse", "lever", "ashby", "jsonld", "microdata", "rss", "selectors", "page");

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
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null)
            throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
        url = url.strip();
        name = name == null || name.isBlank() ? parsed.getHost() : name.strip();
        kind = kind == null ? "auto" : kind.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("kind must be one of " + KINDS + ": " + kind);
        selectors = selectors == null ? Map.of() : Map.copyOf(selectors);
        if (kind.equals("selectors") && (!selectors.containsKey("item") || !selectors.containsKey("title")))
            throw new IllegalArgumentException("selectors needs at least \"item\" and \"title\" for kind selectors");
        every = every == null ? "1h" : every.strip();
        delay = delay == null ? "1s" : delay.strip();
        parseDuration("every", every);
        parseDuration("delay", delay);
        followDetails = followDetails == null ? 0 : followDetails;
        if (followDetails < 0 || followDetails > 500) throw new IllegalArgumentException("followDetails must be between 0 and 500");
        paused = paused != null && paused;
    }

    public Duration everyDuration() {
        return parseDuration("every", every);
    }

    public Duration delayDuration() {
        return parseDuration("delay", delay);
    }

    public SourceDefinition withPaused(boolean value) {
        return new SourceDefinition(id, name, url, kind, selectors, every, delay, followDetails, value);
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
