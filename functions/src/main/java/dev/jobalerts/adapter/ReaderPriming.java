package dev.jobalerts.adapter;

import dev.jobalerts.extract.PageContent;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Sample answers bundled for SnapStart priming of the functions that read pages (fetcher, parser): a career page
 * with JSON-LD, a page whose fields are only labelled lines, and a Greenhouse listing. Reading them loads and
 * trains jsoup, the page readers, one board family and the posting normalisation.
 */
public final class ReaderPriming {
    /** One bundled answer and how a source would be set up to read it. */
    public record Sample(String url, SourceKind kind, String contentType, String resource) {
        public PageContent content(Instant fetchedAt) {
            return new PageContent(url, contentType, body(), fetchedAt);
        }

        public ReadSpec readSpec() {
            return ReadSpec.listing(SourceDefinition.of("priming", url, kind), kind);
        }

        public String body() {
            try (InputStream in = ReaderPriming.class.getResourceAsStream("/priming/" + resource)) {
                if (in == null) throw new IllegalStateException("priming sample missing from the artifact: " + resource);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final List<Sample> SAMPLES = List.of(
            new Sample("https://careers.priming.invalid/jobs/pl-1001", SourceKind.AUTO, "text/html; charset=utf-8", "jsonld-page.html"),
            new Sample("https://careers.priming.invalid/jobs/sre", SourceKind.PAGE, "text/html; charset=utf-8", "labelled-page.html"),
            new Sample("https://boards-api.greenhouse.io/v1/boards/priminglabs/jobs?content=true", SourceKind.GREENHOUSE,
                    "application/json", "greenhouse-listing.json"));

    private ReaderPriming() {}

    /** Reads every sample; returns how many postings they held, so a test can tell the samples still read. */
    public static int readAll(SourceReader reader) {
        int postings = 0;
        for (Sample sample : SAMPLES) postings += reader.read(sample.content(Instant.now()), sample.readSpec()).postings().size();
        return postings;
    }
}
