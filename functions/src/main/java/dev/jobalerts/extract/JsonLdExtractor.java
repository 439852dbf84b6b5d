package dev.jobalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** schema.org JobPosting in JSON-LD script blocks (https://www.w3.org/TR/json-ld11/#embedding-json-ld-in-html-documents). */
final class JsonLdExtractor {
    static final String NAME = "jsonld";

    List<PostingDraft> extract(PageScan scan, Extraction ctx) {
        List<PostingDraft> drafts = new ArrayList<>();
        int block = 0;
        for (Element script : scan.jsonLdScripts) {
            block++;
            List<JsonNode> values;
            try {
                values = LenientJson.readAll(script.data());
            } catch (IOException e) {
                ctx.warn("skipped JSON-LD block #" + block + ": " + firstLine(e.getMessage()));
                continue;
            }
            for (JsonNode value : values) fromTree(value, ctx, drafts);
        }
        return drafts;
    }

    /** The JobPostings of one JSON-LD tree; also used for a response that is JSON-LD itself. */
    static void fromTree(JsonNode root, Extraction ctx, List<PostingDraft> drafts) {
        int index = 0;
        for (JsonNode job : SchemaOrgJobPosting.find(root)) {
            ctx.each(drafts, "JSON-LD JobPosting #" + index++, () -> SchemaOrgJobPosting.draft(job, ctx.pageLinks()));
        }
    }

    static String firstLine(String message) {
        if (message == null) return "malformed";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
