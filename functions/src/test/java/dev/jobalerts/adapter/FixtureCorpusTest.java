package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.extract.ExtractionResult;
import dev.jobalerts.json.Json;
import dev.jobalerts.posting.Posting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Runs every fixture through the extractor and compares each field of each posting with the expected one. Prints a
 * per-field accuracy table; every fixture must be right. Run with {@code -Dfixtures.record=true} to write the
 * expected file of a new fixture from the current output (then read it and correct it by hand).
 */
class FixtureCorpusTest {
    private static final Map<String, Function<Posting, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("id", Posting::id);
        FIELDS.put("url", Posting::url);
        FIELDS.put("title", Posting::title);
        FIELDS.put("company", Posting::company);
        FIELDS.put("location", Posting::location);
        FIELDS.put("remote", Posting::remote);
        FIELDS.put("employmentType", Posting::employmentType);
        FIELDS.put("datePosted", Posting::datePosted);
        FIELDS.put("salary", Posting::salary);
        FIELDS.put("description", Posting::description);
        FIELDS.put("source", Posting::source);
    }

    private final SourceReader reader = new SourceReader();

    @Test
    void corpus_coversEveryFormatWithAtLeastFortyFixtures() {
        FixtureCorpus corpus = FixtureCorpus.load();
        assertThat(corpus.fixtures()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(corpus.fixtures()).allSatisfy(f -> assertThat(f.expectedFile()).exists());
    }

    @Test
    void extract_onEveryFixture_matchesExpectedPostingsFieldByField() throws IOException {
        Map<String, int[]> tally = new LinkedHashMap<>(); // field -> {right, total}
        FIELDS.keySet().forEach(f -> tally.put(f, new int[2]));
        int[] postingCount = new int[2];
        List<String> failures = new ArrayList<>();
        for (FixtureCorpus.Fixture fixture : FixtureCorpus.load().fixtures()) {
            ExtractionResult result = reader.read(fixture.page(), fixture.spec());
            if (!Files.exists(fixture.expectedFile()) && Boolean.getBoolean("fixtures.record")) record(fixture, result);
            List<Posting> expected = fixture.expected();
            Map<String, Posting> actual = new LinkedHashMap<>();
            result.postings().forEach(p -> actual.put(p.id(), p));
            for (Posting want : expected) {
                Posting got = actual.remove(want.id());
                postingCount[1]++;
                if (got != null) postingCount[0]++;
                else failures.add(fixture.name() + ": missing posting " + want.id());
                for (Map.Entry<String, Function<Posting, Object>> field : FIELDS.entrySet()) {
                    int[] t = tally.get(field.getKey());
                    t[1]++;
                    Object wantValue = field.getValue().apply(want);
                    Object gotValue = got == null ? null : field.getValue().apply(got);
                    if (got != null && Objects.equals(wantValue, gotValue)) t[0]++;
                    else if (got != null) failures.add(fixture.name() + " " + want.id() + " " + field.getKey()
                            + ": expected <" + wantValue + "> but was <" + gotValue + ">");
                }
            }
            actual.keySet().forEach(id -> failures.add(fixture.name() + ": unexpected posting " + id));
            postingCount[1] += actual.size();
        }
        printTable(tally, postingCount);
        assertThat(failures).as("field mismatches").isEmpty();
    }

    private static void printTable(Map<String, int[]> tally, int[] postings) {
        StringBuilder table = new StringBuilder("\nExtraction accuracy on the fixture corpus\n");
        table.append(String.format("%-16s %9s %9s%n", "field", "right", "accuracy"));
        table.append(String.format("%-16s %4d/%-4d %8.1f%%%n", "(postings)", postings[0], postings[1], percent(postings)));
        tally.forEach((field, t) -> table.append(String.format("%-16s %4d/%-4d %8.1f%%%n", field, t[0], t[1], percent(t))));
        System.out.print(table);
    }

    private static double percent(int[] t) {
        return t[1] == 0 ? 100.0 : 100.0 * t[0] / t[1];
    }

    private static void record(FixtureCorpus.Fixture fixture, ExtractionResult result) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Posting p : result.postings()) lines.append(Json.write(p)).append('\n');
        Files.writeString(fixture.expectedFile(), lines, StandardCharsets.UTF_8);
    }
}
