package dev.jobalerts.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.json.Json;
import dev.jobalerts.posting.Posting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixture corpus under {@code src/test/resources/fixtures}: each saved page or API response {@code name.ext},
 * its expected postings {@code name.expected.jsonl} (one Posting a line; empty for a page with none) and an
 * optional {@code name.source.json} with {@code url}, {@code kind}, {@code selectors}, {@code name}, {@code locale},
 * {@code remote}, {@code role} ({@code listing}, {@code detail}; any when absent) and {@code fetchedAt}.
 */
record FixtureCorpus(List<Fixture> fixtures) {
    static final Path DIR = Path.of("src/test/resources/fixtures");
    /** Fetch time for fixtures that do not name one; relative dates in the corpus count back from it. */
    static final Instant DEFAULT_FETCHED_AT = Instant.parse("2026-04-10T12:00:00Z");

    static FixtureCorpus load() {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Fixture> fixtures = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".expected.jsonl") || name.endsWith(".source.json")) continue;
                fixtures.add(Fixture.of(file));
            }
            return new FixtureCorpus(fixtures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One saved input with its source settings. */
    record Fixture(String name, Path file, PageContent page, ReadSpec spec, Path expectedFile) {
        static Fixture of(Path file) throws IOException {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.lastIndexOf('.'));
            Path sourceFile = file.resolveSibling(name + ".source.json");
            JsonNode source = Files.exists(sourceFile) ? Json.mapper().readTree(sourceFile.toFile()) : Json.mapper().createObjectNode();
            String url = source.path("url").asText("https://fixtures.example/" + fileName);
            Instant fetchedAt = source.has("fetchedAt") ? Instant.parse(source.get("fetchedAt").asText()) : DEFAULT_FETCHED_AT;
            String body = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (body.startsWith("\uFEFF")) body = body.substring(1);
            PageContent page = new PageContent(url, contentType(fileName), body, fetchedAt);
            return new Fixture(name, file, page, ReadSpec.ofSettings(source, url), file.resolveSibling(name + ".expected.jsonl"));
        }

        List<Posting> expected() throws IOException {
            List<Posting> postings = new ArrayList<>();
            for (String line : Files.readAllLines(expectedFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) postings.add(Json.mapper().readValue(line, Posting.class));
            }
            return postings;
        }

        private static String contentType(String fileName) {
            if (fileName.endsWith(".json")) return "application/json";
            if (fileName.endsWith(".xml")) return "application/xml";
            return "text/html";
        }
    }
}
