package dev.jobalerts.extract;

import dev.jobalerts.posting.Posting;
import java.util.List;
import java.util.Objects;

/**
 * The postings found in one page and the extractor that found them ({@link ExtractorKind#NONE} when nothing was found).
 * Warnings name the parts of the page that were skipped because they were malformed.
 */
public record ExtractionResult(ExtractorKind extractor, List<Posting> postings, List<String> warnings) {

    public ExtractionResult {
        Objects.requireNonNull(extractor, "extractor");
        postings = List.copyOf(postings);
        warnings = List.copyOf(warnings);
    }
}
