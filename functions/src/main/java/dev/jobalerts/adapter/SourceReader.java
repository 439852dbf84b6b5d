package dev.jobalerts.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.ExtractionResult;
import dev.jobalerts.extract.ExtractorKind;
import dev.jobalerts.extract.LenientJson;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PageReaders;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.SourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the postings out of one stored answer — a listing page, a detail answer or a saved file — with the board
 * family or page reader its {@link ReadSpec} names. The parser, {@code reparse}, {@code parse} and the benchmarks
 * all read through here, so a posting comes out the same whichever path it took. Never throws for what it is given:
 * an unreadable answer yields no posting and a warning.
 */
public final class SourceReader {
    private final Adapters adapters;

    public SourceReader() {
        this(new Adapters());
    }

    public SourceReader(Adapters adapters) {
        this.adapters = adapters;
    }

    public Adapters adapters() {
        return adapters;
    }

    public ExtractionResult read(PageContent content, ReadSpec spec) {
        Extraction ctx = new Extraction(content);
        ListingPage page;
        SourceKind family;
        try {
            Board board = adapters.boardToRead(spec, content.url(), json(content, spec));
            family = board.kind();
            boolean detail = spec.role() == ReadSpec.Role.DETAIL || (spec.role() == ReadSpec.Role.ANY && board.isDetail(content));
            page = detail ? board.readDetail(content, ctx) : board.readListing(null, content, ctx);
        } catch (RuntimeException e) {
            // Boards guard each posting; this is the last line for a bug outside one.
            ctx.warn("reading failed: " + e);
            return new ExtractionResult(ExtractorKind.NONE, List.of(), ctx.warnings());
        }
        if (!page.readable()) {
            ctx.warn(page.problem());
            return new ExtractionResult(ExtractorKind.NONE, List.of(), ctx.warnings());
        }
        PostingDraft listed = spec.listed() == null ? null : PostingDraft.fromJson(spec.listed());
        String sourceName = spec.sourceName();
        List<PostingDraft> drafts = new ArrayList<>();
        for (ListingEntry entry : page.entries()) {
            // A stored listing page yields only what it holds whole; the rest is stored from its detail answers.
            if (spec.role() == ReadSpec.Role.LISTING && entry.needsDetail()) continue;
            PostingDraft draft = entry.draft();
            draft.fillFrom(listed);
            if (draft.companyFromSlug && sourceName != null) draft.company = sourceName;
            drafts.add(draft);
        }
        ExtractorKind source = page.reader() != null ? page.reader() : ExtractorKind.of(family);
        List<Posting> postings = PageReaders.build(source, drafts, ctx);
        return new ExtractionResult(postings.isEmpty() ? ExtractorKind.NONE : source, postings, ctx.warnings());
    }

    /** The JSON of an answer when it is JSON and its board must be told by its shape; null otherwise. */
    private static JsonNode json(PageContent content, ReadSpec spec) {
        if (spec.kind() != SourceKind.AUTO || !PageReaders.looksLikeJson(content)) return null;
        try {
            List<JsonNode> values = LenientJson.readAll(content.body());
            return values.isEmpty() ? null : values.get(0);
        } catch (IOException e) {
            return null;
        }
    }
}
