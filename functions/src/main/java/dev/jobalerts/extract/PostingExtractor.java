package dev.jobalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.PostingIds;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the job postings in one fetched page. In {@code auto} mode it tries, in this order: the ATS JSON APIs
 * (Greenhouse, Lever, Ashby), schema.org JobPosting in JSON-LD, then in microdata, RSS/Atom feeds, the source's
 * CSS selectors, and last a plain single-posting page; the first that finds postings wins and names itself in
 * each posting's {@code source}. HTML is parsed once and every HTML extractor reads the same document; JSON and
 * XML bodies are never parsed as HTML. Malformed input never throws: the broken part yields nothing and a warning.
 *
 * <p>Stateless, so one instance is cheap, reusable and thread-safe.
 */
public final class PostingExtractor {
    private final GreenhouseExtractor greenhouse = new GreenhouseExtractor();
    private final LeverExtractor lever = new LeverExtractor();
    private final AshbyExtractor ashby = new AshbyExtractor();
    private final JsonLdExtractor jsonLd = new JsonLdExtractor();
    private final MicrodataExtractor microdata = new MicrodataExtractor();
    private final FeedExtractor feed = new FeedExtractor();
    private final SelectorExtractor selectors = new SelectorExtractor();
    private final PageExtractor page = new PageExtractor();

    public PostingExtractor() {}

    public ExtractionResult extract(PageContent content, ExtractionConfig config) {
        Extraction ctx = new Extraction(content);
        Found found;
        try {
            found = find(content, config, ctx);
        } catch (RuntimeException e) {
            // Extractors guard each item; this is the last line for a bug outside an item, e.g. in a parser.
            ctx.warn("extraction failed: " + e);
            found = Found.NOTHING;
        }
        List<Posting> postings = build(found, ctx);
        return new ExtractionResult(postings.isEmpty() ? ExtractionResult.NONE : found.extractor, postings, ctx.warnings());
    }

    /** Same-site absolute links to posting detail pages on a listing page: from the "url" selector (or "detailLinks" selector) of config, deduplicated, canonical. */
    public List<String> detailLinks(PageContent content, ExtractionConfig config, int max) {
        Map<String, String> css = config.selectors();
        if (max <= 0 || (!css.containsKey(ExtractionConfig.DETAIL_LINKS) && !css.containsKey("url")) || looksLikeJson(content) || FeedExtractor.looksLikeFeed(content.body(), content.contentType()))
            return List.of();
        Document doc = Jsoup.parse(content.body(), content.url());
        List<Element> anchors = new ArrayList<>();
        if (css.containsKey(ExtractionConfig.DETAIL_LINKS)) {
            anchors.addAll(doc.select(css.get(ExtractionConfig.DETAIL_LINKS)));
        } else {
            for (Element item : doc.select(css.get("item"))) {
                Element link = item.selectFirst(css.get("url"));
                if (link != null) anchors.add(link);
            }
        }
        String site = host(content.url());
        Set<String> links = new LinkedHashSet<>();
        for (Element anchor : anchors) {
            Element a = anchor.hasAttr("href") ? anchor : anchor.selectFirst("a[href]");
            if (a == null) continue;
            String url = a.absUrl("href");
            if (!url.startsWith("http://") && !url.startsWith("https://")) continue;
            if (site.isEmpty() || !sameSite(site, host(url))) continue;
            links.add(PostingIds.canonicalUrl(url));
            if (links.size() >= max) break;
        }
        return List.copyOf(links);
    }

    private Found find(PageContent content, ExtractionConfig config, Extraction ctx) {
        String kind = config.kind();
        boolean any = kind.equals("auto");
        if ((looksLikeJson(content) && (any || kind.equals("jsonld"))) || List.of("greenhouse", "lever", "ashby").contains(kind))
            return fromJson(content, kind, ctx);
        if ((any && FeedExtractor.looksLikeFeed(content.body(), content.contentType())) || kind.equals("rss"))
            return new Found(FeedExtractor.NAME, feed.extract(FeedExtractor.parse(content.body()), ctx));
        Document doc = Jsoup.parse(content.body(), content.url());
        // The walk serves the structured-data and page extractors; a selectors-only source needs none of it.
        PageScan scan = kind.equals("selectors") ? null : PageScan.of(doc);
        if (any || kind.equals("jsonld")) {
            Found f = new Found(JsonLdExtractor.NAME, jsonLd.extract(scan, ctx));
            if (!any || !f.drafts.isEmpty()) return f;
        }
        if (any || kind.equals("microdata")) {
            Found f = new Found(MicrodataExtractor.NAME, microdata.extract(scan, ctx));
            if (!any || !f.drafts.isEmpty()) return f;
        }
        if ((any && config.selectors().containsKey("item")) || kind.equals("selectors")) {
            Found f = new Found(SelectorExtractor.NAME, selectors.extract(doc, config.selectors(), ctx));
            if (!any || !f.drafts.isEmpty()) return f;
        }
        return new Found(PageExtractor.NAME, page.extract(scan, ctx));
    }

    private Found fromJson(PageContent content, String kind, Extraction ctx) {
        List<JsonNode> values;
        try {
            values = LenientJson.readAll(content.body());
        } catch (IOException e) {
            ctx.warn("malformed JSON: " + JsonLdExtractor.firstLine(e.getMessage()));
            return Found.NOTHING;
        }
        if (values.isEmpty()) return Found.NOTHING;
        JsonNode root = values.get(0);
        String system = kind.equals("auto") ? atsOf(content.url(), root) : kind;
        return switch (system) {
            case GreenhouseExtractor.NAME -> new Found(system, greenhouse.extract(root, ctx));
            case LeverExtractor.NAME -> new Found(system, lever.extract(root, ctx));
            case AshbyExtractor.NAME -> new Found(system, ashby.extract(root, ctx));
            default -> {
                // A JSON body that is no ATS response may still be JSON-LD served as application/ld+json.
                List<PostingDraft> drafts = new ArrayList<>();
                for (JsonNode value : values) JsonLdExtractor.fromTree(value, ctx, drafts);
                yield new Found(JsonLdExtractor.NAME, drafts);
            }
        };
    }

    /** The ATS a JSON body came from: by its URL when that is an ATS API, else by the shape of the payload. */
    private static String atsOf(String url, JsonNode root) {
        Optional<AtsUrls.Ats> ats = AtsUrls.parse(url);
        if (ats.isPresent()) return ats.get().system();
        if (AshbyExtractor.accepts(root)) return AshbyExtractor.NAME;
        if (GreenhouseExtractor.accepts(root)) return GreenhouseExtractor.NAME;
        if (LeverExtractor.accepts(root)) return LeverExtractor.NAME;
        return "";
    }

    private static boolean looksLikeJson(PageContent content) {
        String body = content.body();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{' || c == '[') return true;
            if (!Character.isWhitespace(c) && c != '\ufeff') break;
        }
        String ct = content.contentType().toLowerCase(Locale.ROOT);
        return ct.contains("json") && !ct.contains("html");
    }

    /**
     * Normalises the drafts. Postings sharing an id are one posting listed twice (kept once) unless their titles
     * differ, as when several postings on one page have no URL of their own: those get the title as a fragment.
     */
    private static List<Posting> build(Found found, Extraction ctx) {
        Map<String, Posting> byId = new LinkedHashMap<>();
        for (PostingDraft draft : found.drafts) {
            Optional<Posting> built;
            try {
                built = draft.build(found.extractor, ctx.pageUrl(), ctx.fetchedAt());
            } catch (RuntimeException e) {
                ctx.warn("skipped a posting: " + e.getMessage());
                continue;
            }
            if (built.isEmpty()) continue;
            Posting p = built.get();
            Posting same = byId.get(p.id());
            if (same != null && !same.title().equals(p.title())) {
                p = withId(p, p.id() + "#" + slug(p.title()));
                same = byId.get(p.id());
            }
            if (same == null) byId.put(p.id(), p);
        }
        return new ArrayList<>(byId.values());
    }

    private static Posting withId(Posting p, String id) {
        return new Posting(id, p.url(), p.title(), p.company(), p.location(), p.remote(), p.employmentType(),
                p.datePosted(), p.salary(), p.description(), p.source());
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Same host, allowing for a "www." on either side. */
    private static boolean sameSite(String a, String b) {
        return a.replaceFirst("^www\\.", "").equals(b.replaceFirst("^www\\.", ""));
    }

    /** What one extractor found. */
    private record Found(String extractor, List<PostingDraft> drafts) {
        static final Found NOTHING = new Found(ExtractionResult.NONE, List.of());
    }
}
