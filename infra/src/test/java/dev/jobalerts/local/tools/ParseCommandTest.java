package dev.jobalerts.local.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.CommandRun;
import dev.jobalerts.posting.Posting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParseCommandTest {
    private static final Path FIXTURES = Path.of("../functions/src/test/resources/fixtures");

    @TempDir
    Path dir;

    /** The last run's output. */
    private CommandRun last;

    private int run(String... args) {
        last = CommandRun.of(Stream.concat(Stream.of("parse"), Stream.of(args)).toArray(String[]::new));
        return last.code();
    }

    private List<String> lines() {
        String text = last.out();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void run_onAtsResponse_printsOnePostingPerLine() throws IOException {
        int code = run("--url", "https://boards-api.greenhouse.io/v1/boards/northwindlogistics/jobs?content=true",
                FIXTURES.resolve("greenhouse-board.json").toString());
        assertThat(code).isZero();
        assertThat(lines()).hasSize(3);
        Posting first = Json.mapper().readValue(lines().get(0), Posting.class);
        assertThat(first.id()).isEqualTo("greenhouse:northwindlogistics:4012345");
        assertThat(first.source()).isEqualTo("greenhouse");
    }

    @Test
    void run_onAWorkdayListingAndDetail_printsWhatEachHolds() throws IOException {
        String api = "https://harborline.wd5.myworkdayjobs.com/wday/cxs/harborline/Careers";
        assertThat(run("--url", api + "/jobs", "--fetched-at", "2026-04-10T12:00:00Z", FIXTURES.resolve("workday-listing-page1.json").toString())).isZero();
        assertThat(lines()).hasSize(20);
        assertThat(Json.mapper().readValue(lines().get(0), Posting.class).id()).isEqualTo("workday:harborline:R-1001");

        assertThat(run("--url", api + "/job/Charlotte-NC/Senior-Data-Engineer_R-1001", FIXTURES.resolve("workday-detail-data-engineer.json").toString())).isZero();
        Posting detail = Json.mapper().readValue(lines().get(0), Posting.class);
        assertThat(detail.company()).isEqualTo("Harborline Logistics");
        assertThat(detail.description()).contains("Harborline moves 40,000 containers");
    }

    @Test
    void run_withSelectorConfig_usesItsSelectors() {
        int code = run("--url", "https://orchardvalley.example/careers", "--config",
                FIXTURES.resolve("selectors-listing.source.json").toString(), FIXTURES.resolve("selectors-listing.html").toString());
        assertThat(code).isZero();
        assertThat(lines()).hasSize(3).allSatisfy(line -> assertThat(line).contains("\"source\":\"selectors\""));
    }

    @Test
    void run_whenUrlOnlyInConfig_takesItFromThere() {
        int code = run("--config", FIXTURES.resolve("jsonld-basic.source.json").toString(), FIXTURES.resolve("jsonld-basic.html").toString());
        assertThat(code).isZero();
        assertThat(lines()).singleElement().asString().contains("\"id\":\"https://www.brightsmile.example/careers/dental-hygienist-leeds\"");
    }

    @Test
    void run_onRelativeDate_countsBackFromFetchedAt() {
        run("--url", "https://coastal.example/vacancies/rse", "--fetched-at", "2026-05-01T09:00:00Z", FIXTURES.resolve("page-dl.html").toString());
        assertThat(lines()).singleElement().asString().contains("\"datePosted\":\"2026-04-29\"");
    }

    @Test
    void run_whenFileHoldsNoPosting_exitsZeroWithoutOutput() {
        assertThat(run("--url", "https://larkspur.example/careers", FIXTURES.resolve("page-landing.html").toString())).isZero();
        assertThat(last.out()).isEmpty();
    }

    @Test
    void run_onUtf8WithBom_decodesIt() throws IOException {
        Path file = dir.resolve("bom.html");
        Files.write(file, ("\uFEFF<h1>Bäcker:in</h1><p>Company: Brotzeit GmbH</p>").getBytes(StandardCharsets.UTF_8));
        assertThat(run("--url", "https://brotzeit.example/jobs/baecker", file.toString())).isZero();
        assertThat(lines()).singleElement().asString().contains("\"title\":\"Bäcker:in\"");
    }

    @Test
    void run_onMalformedInput_warnsOnStderrAndExitsZero() {
        assertThat(run("--url", "https://boards-api.greenhouse.io/v1/boards/halfdone/jobs",
                FIXTURES.resolve("malformed-api-response.json").toString())).isZero();
        assertThat(last.out()).isEmpty();
        assertThat(last.err()).contains("warning: Greenhouse answered with malformed JSON");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no arguments                | ''                                                  | missing FILE
            missing url                 | page.html                                           | --url is required
            option without value        | --url                                               | --url needs a value
            unknown option              | --verbose page.html                                 | unknown option for parse: --verbose
            two files                   | --url https://x.example a.html b.html               | unexpected argument for parse: b.html
            bad fetched-at              | --url https://x.example --fetched-at soon a.html    | --fetched-at must be an ISO instant
            missing file                | --url https://x.example nope.html                   | cannot read nope.html: no such file
            directory                   | --url https://x.example .                           | is a directory
            """)
    void run_onBadUsageOrUnreadableInput_exitsTwoWithAMessage(String name, String args, String message) throws IOException {
        Files.writeString(dir.resolve("page.html"), "<h1>x</h1>");
        String[] argv = args.isBlank() ? new String[0]
                : args.replace("page.html", dir.resolve("page.html").toString()).replace(" .", " " + dir).split(" ");
        assertThat(run(argv)).isEqualTo(2);
        assertThat(last.err()).contains(message);
        assertThat(last.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json             | {kind:                                          | is not valid JSON
            not an object        | []                                              | must hold one JSON object
            unknown kind         | {"kind":"magic"}                                | kind must be one of
            unknown field        | {"politeness":{"delayMs":1000}}                 | unknown field "politeness"
            credential value     | {"credentials":{"apiKey":"abc123"}}             | credentials.apiKey must be a reference
            selectors incomplete | {"kind":"selectors","selectors":{"item":"li"}}  | selectors needs at least "item" and "title"
            bad selector         | {"selectors":{"item":"li","title":"h3["}}       | selectors.title is not a valid CSS selector
            """)
    void run_onBadConfig_exitsTwoNamingTheProblem(String name, String config, String message) throws IOException {
        Path file = dir.resolve("source.json");
        Files.writeString(file, config);
        assertThat(run("--url", "https://x.example", "--config", file.toString(), FIXTURES.resolve("page-labelled.html").toString())).isEqualTo(2);
        assertThat(last.err()).contains(message);
    }
}
