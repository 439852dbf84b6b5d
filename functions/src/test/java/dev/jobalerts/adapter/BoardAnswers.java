package dev.jobalerts.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.json.Json;
import dev.jobalerts.posting.Posting;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading answers written in a test through a board, as the crawl does: the request it made, the body it got. */
final class BoardAnswers {
    static final Instant FETCHED_AT = Instant.parse("2026-04-10T12:00:00Z");

    private BoardAnswers() {}

    /** The board a URL is detected as, by every family in detection order. */
    static Board detect(String url) {
        return new Adapters().detect(URI.create(url)).orElseThrow(() -> new AssertionError("no family claims " + url));
    }

    static Optional<Board> detectIfAny(String url) {
        return new Adapters().detect(URI.create(url));
    }

    /** The board's reading of {@code body} as the answer to its first request. */
    static ListingPage first(Board board, String body) {
        return after(board, board.firstPage(Map.of()), body);
    }

    /** The board's reading of {@code body} as the answer to {@code request}. */
    static ListingPage after(Board board, ApiRequest request, String body) {
        PageContent answer = answer(request.url().toString(), body);
        return board.readListing(request, answer, new Extraction(answer));
    }

    /** The postings a page's entries build into, as the parser stores them. */
    static List<Posting> postings(Board board, ListingPage page) {
        return page.entries().stream().map(ListingEntry::draft)
                .map(d -> d.build(board.kind().id(), "https://answers.example/", FETCHED_AT))
                .flatMap(Optional::stream).toList();
    }

    /** The drafts of a page's entries, unbuilt. */
    static List<PostingDraft> drafts(ListingPage page) {
        return page.entries().stream().map(ListingEntry::draft).toList();
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static PageContent answer(String url, String body) {
        return new PageContent(url, "application/json", body, FETCHED_AT);
    }
}
