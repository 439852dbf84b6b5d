package dev.jobalerts.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final String POSTINGS = """
            {"id":"p1","url":"https://jobs.example/1","title":"Senior Python Developer","company":"Acme","location":"Charlotte, NC","remote":false,"employmentType":"FULL_TIME","datePosted":"2026-11-20","salary":{"min":120000,"max":150000,"currency":"USD","period":"YEAR"},"description":"Django and Node.js, C++/Java.","source":"jsonld"}

            {"id":"p2","url":"https://jobs.example/2","title":"JavaScript Engineer","company":"Globex","location":"Remote","remote":true,"employmentType":null,"datePosted":null,"salary":null,"description":"React.","source":"rss"}
            """;

    private int run(String searches, String... extra) throws IOException {
        Path searchFile = Files.writeString(dir.resolve("searches.jsonl"), searches);
        Path postingFile = Files.writeString(dir.resolve("postings.jsonl"), POSTINGS);
        String[] args = {"--searches", searchFile.toString(), "--postings", postingFile.toString(), "--now", "2026-11-22"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return MatchCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_printsOneLinePerMatch() throws IOException {
        int code = run("""
                {"id":"py","query":"python django","locations":["Charlotte"],"remote":"include","minSalary":140000,"currency":"USD","postedWithinDays":7,"employmentTypes":["FULL_TIME"]}
                {"id":"java","query":"java"}
                {"id":"js","query":"javascript OR c++","remote":"any"}
                {"id":"remote","remote":"only"}
                {"id":"none","query":"rust"}
                """);

        assertThat(code).isZero();
        assertThat(stdout().lines()).containsExactlyInAnyOrder(
                "{\"search\": \"py\", \"posting\": \"p1\"}",
                "{\"search\": \"java\", \"posting\": \"p1\"}",
                "{\"search\": \"js\", \"posting\": \"p1\"}",
                "{\"search\": \"js\", \"posting\": \"p2\"}",
                "{\"search\": \"remote\", \"posting\": \"p2\"}");
    }

    @Test
    void run_withExplain_addsMatchedTerms() throws IOException {
        int code = run("{\"id\":\"py\",\"query\":\"python (django OR flask) -php\"}\n", "--explain");

        assertThat(code).isZero();
        assertThat(stdout()).isEqualTo("{\"search\": \"py\", \"posting\": \"p1\", \"matched\": [\"python\",\"django\"]}\n");
    }

    @Test
    void run_whenQueryDoesNotParse_reportsLineAndPositionAndExits2() throws IOException {
        int code = run("{\"id\":\"ok\",\"query\":\"java\"}\n\n{\"id\":\"bad\",\"query\":\"python (django\"}\n");

        assertThat(code).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("line 3: query: unclosed parenthesis at position 7");
    }

    @Test
    void run_whenSearchFieldIsInvalid_reportsLineAndExits2() throws IOException {
        assertThat(run("{\"id\":\"a\",\"remote\":\"sometimes\"}\n")).isEqualTo(2);
        assertThat(stderr()).contains("line 1:").contains("remote must be one of");
    }

    @Test
    void run_whenLineIsNotJson_reportsLineAndExits2() throws IOException {
        assertThat(run("{\"id\":\"a\"}\n{\"id\":\n")).isEqualTo(2);
        assertThat(stderr()).contains("line 2:");
    }

    @Test
    void run_whenSearchHasUnknownField_reportsLineAndExits2() throws IOException {
        assertThat(run("{\"id\":\"a\",\"keywords\":\"java\"}\n")).isEqualTo(2);
        assertThat(stderr()).contains("line 1:").contains("keywords");
    }

    @Test
    void run_whenIdRepeats_reportsLineAndExits2() throws IOException {
        assertThat(run("{\"id\":\"a\"}\n{\"id\":\"a\"}\n")).isEqualTo(2);
        assertThat(stderr()).contains("line 2: duplicate search id a");
    }

    @Test
    void run_whenUsageIsWrong_exits2WithUsage() {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(MatchCommand.run(new String[] {"--searches", "x.jsonl"}, o, e)).isEqualTo(2);
        assertThat(MatchCommand.run(new String[] {"--bogus"}, o, e)).isEqualTo(2);
        assertThat(MatchCommand.run(new String[] {"--searches", "a", "--postings", "b", "--now", "22/11/2026"}, o, e)).isEqualTo(2);
        assertThat(MatchCommand.run(new String[] {"--searches", "nope.jsonl", "--postings", "nope.jsonl"}, o, e)).isEqualTo(2);
        assertThat(stderr()).contains("usage:").contains("--now must be YYYY-MM-DD").contains("no such file");
    }
}
