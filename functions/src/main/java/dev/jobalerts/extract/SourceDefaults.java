package dev.jobalerts.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a source's own settings add to every draft its page readers found, whichever reader found it: the source's
 * locale (the order of a numeric date, the currency of a bare "$"), its name as the company of a posting that names
 * none (a single employer's careers page, a selector listing without a company column), and remote for a board that
 * lists remote jobs only, unless the posting says it is on site or hybrid.
 */
final class SourceDefaults {
    // "On-site", "in office", "office-based", "hybrid", "vor Ort", "Präsenz", "sur site", "présentiel".
    private static final Pattern ON_SITE = Pattern.compile(
            "\\b(?:on[- ]?site|in[- ]office|office[- ]based|hybrid|vor ort|präsenz|sur site|présentiel|presentiel)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private SourceDefaults() {}

    static void apply(List<PostingDraft> drafts, ExtractionConfig config) {
        for (PostingDraft d : drafts) {
            d.locale = config.locale();
            if ((d.company == null || d.company.isBlank()) && !config.sourceName().isEmpty()) {
                d.company = config.sourceName();
                d.companyFromSlug = true; // only the source's name: a listing's own company for this posting wins
            }
            if (config.remote() && !d.remote && !saysOnSite(d.location) && !saysOnSite(d.title)) d.remote = true;
        }
    }

    private static boolean saysOnSite(String text) {
        if (text == null || text.isEmpty()) return false;
        String lower = text.toLowerCase(Locale.ROOT);
        return (lower.contains("site") || lower.contains("office") || lower.contains("hybrid") || lower.contains("ort")
                || lower.contains("präsenz") || lower.contains("sentiel")) && ON_SITE.matcher(text).find();
    }
}
