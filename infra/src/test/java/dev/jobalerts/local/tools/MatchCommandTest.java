package dev.jobalerts.local.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.local.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {
    @TempDir
    Path dir;
    /** The last run's output. */
    private CommandRun last;

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
        return match(all).code();
    }

    private CommandRun match(String... args) {
        last = CommandRun.of(java.util.stream.Stream.concat(java.util.stream.Stream.of("match"), java.util.Arrays.stream(args))
                .toArray(String[]::new));
        return last;
    }

    private String stdout() {
        return last.out();
    }

    private String stderr() {
        return last.err();
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
        assertThat(match("--searches", "x.jsonl")).satisfies(run -> {
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("missing --postings").contains("(see: match --help)");
        });
        assertThat(match("--bogus").code()).isEqualTo(2);
        assertThat(match("--searches", "a", "--postings", "b", "--now", "22/11/2026")).satisfies(run -> {
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("--now must be YYYY-MM-DD");
        });
        assertThat(match("--searches", "nope.jsonl", "--postings", "nope.jsonl")).satisfies(run -> {
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("no such file");
        });
    }
}
