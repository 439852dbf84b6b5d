package dev.jobalerts.dedupe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.posting.Posting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The labelled pairs of {@code src/test/resources/dedupe/}: invented companies and openings ({@code jobs.json}: each
 * description is the company's introduction, the opening's own text and the company's benefits/EEO paragraph) and
 * pairs of postings ({@code pairs.jsonl}), each side an opening as written or as another board shows it. A side
 * names its changes — company, title, location, and text operations such as {@code reflow}, {@code wrap},
 * {@code keep 0.8}, {@code replace A => B}, {@code drop-outro} — so every pair says how its two postings differ.
 */
final class LabelledPairs {
    static final Instant FIRST_SEEN = Instant.parse("2026-03-02T09:00:00Z");

    /** One labelled pair: its two postings, when each was first seen, and whether they are one job. */
    record Pair(int line, String kind, boolean same, Posting a, Instant aSeen, Posting b, Instant bSeen, String note) {
        String describe() {
            return "#" + line + " " + kind + (note == null ? "" : " (" + note + ")") + ": \"" + a.title() + "\" / \"" + b.title() + "\"";
        }
    }

    private final JsonNode companies;
    private final JsonNode jobs;

    private LabelledPairs(JsonNode catalogue) {
        companies = catalogue.path("companies");
        jobs = catalogue.path("jobs");
    }

    static List<Pair> load() {
        try {
            LabelledPairs catalogue = new LabelledPairs(Json.mapper().readTree(resource("jobs.json")));
            List<Pair> pairs = new ArrayList<>();
            String[] lines = new String(resource("pairs.jsonl").readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                pairs.add(catalogue.pair(i + 1, Json.mapper().readTree(lines[i])));
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = LabelledPairs.class.getResourceAsStream("/dedupe/" + name);
        if (in == null) throw new IllegalStateException("missing test resource dedupe/" + name);
        return in;
    }

    private Pair pair(int line, JsonNode spec) {
        Instant bSeen = FIRST_SEEN.plus(Duration.ofDays(spec.path("days").asInt(1)));
        return new Pair(line, spec.path("kind").asText(), spec.path("same").asBoolean(),
                posting(line + "a", spec.path("a")), FIRST_SEEN, posting(line + "b", spec.path("b")), bSeen,
                spec.path("note").asText(null));
    }

    private Posting posting(String id, JsonNode side) {
        String name = side.isTextual() ? side.asText() : side.path("job").asText();
        JsonNode job = jobs.path(name);
        if (job.isMissingNode()) throw new IllegalArgumentException("pairs.jsonl names unknown job " + name);
        String description = side.has("description") ? side.path("description").asText() : description(job, side.path("text"));
        return new Posting("pair-" + id, "https://board.example/" + id, override(side, "title", job), override(side, "company", job),
                override(side, "location", job), side.has("remote") ? side.path("remote").asBoolean() : job.path("remote").asBoolean(),
                null, null, null, description, "labelled");
    }

    private static String override(JsonNode side, String field, JsonNode job) {
        return side.has(field) ? side.path(field).asText() : job.path(field).asText();
    }

    /** The job's description with the side's text operations applied, in order. */
    private String description(JsonNode job, JsonNode operations) {
        String intro = companies.path(job.path("about").asText()).path("intro").asText();
        String outro = companies.path(job.path("about").asText()).path("outro").asText();
        String role = job.path("role").asText();
        List<String> ops = new ArrayList<>();
        operations.forEach(op -> ops.add(op.asText()));
        // Operations on the parts come first: they decide what the text is made of.
        for (String op : ops) {
            if (op.equals("drop-intro")) intro = "";
            else if (op.equals("drop-outro")) outro = "";
            else if (op.equals("drop-role")) role = "";
            else if (op.startsWith("stitch ")) role = stitch(role, jobs.path(op.substring(7)).path("role").asText());
        }
        String text = String.join("\n\n", List.of(intro, role, outro).stream().filter(s -> !s.isEmpty()).toList());
        for (String op : ops) text = apply(op, text);
        return text;
    }

    private static String stitch(String role, String other) {
        List<String> mine = Arrays.asList(role.split("\n"));
        List<String> theirs = Arrays.asList(other.split("\n"));
        List<String> lines = new ArrayList<>(mine.subList(0, mine.size() / 2));
        lines.addAll(theirs.subList(theirs.size() / 2, theirs.size()));
        return String.join("\n", lines);
    }

    static String apply(String op, String text) {
        if (op.equals("reflow")) return reflow(text);
        if (op.equals("wrap")) return wrap(reflow(text), 60);
        if (op.equals("bullets")) return text.replaceAll("(?m)^(•|-) ", "* ");
        if (op.equals("shuffle")) {
            List<String> words = new ArrayList<>(Arrays.asList(text.split("\\s+")));
            Collections.shuffle(words, new Random(42));
            return String.join(" ", words);
        }
        if (op.startsWith("keep ")) {
            String[] words = text.split("\\s+");
            int kept = (int) Math.round(words.length * Double.parseDouble(op.substring(5)));
            return String.join(" ", Arrays.copyOf(words, kept)) + " …";
        }
        if (op.startsWith("prefix ")) return op.substring(7) + "\n\n" + text;
        if (op.startsWith("suffix ")) return text + "\n\n" + op.substring(7);
        if (op.startsWith("replace ")) {
            String[] change = op.substring(8).split(" => ", 2);
            if (!text.contains(change[0])) throw new IllegalArgumentException("pairs.jsonl: nothing to replace for \"" + change[0] + "\"");
            return text.replace(change[0], change[1]);
        }
        if (op.startsWith("drop-") || op.startsWith("stitch ")) return text;
        throw new IllegalArgumentException("pairs.jsonl: unknown text operation " + op);
    }

    /** Each paragraph on one line, the way a board that ignores line breaks shows it. */
    private static String reflow(String text) {
        return String.join("\n\n", Arrays.stream(text.split("\n\n")).map(p -> p.replaceAll("\\s*\n\\s*", " ")).toList());
    }

    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n\n")) {
            if (out.length() > 0) out.append("\n\n");
            int column = 0;
            for (String word : paragraph.split(" ")) {
                if (column > 0 && column + 1 + word.length() > width) {
                    out.append('\n');
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
        }
        return out.toString();
    }
}
