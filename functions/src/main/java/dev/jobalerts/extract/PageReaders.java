package dev.jobalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.url.HttpUrls;
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
import dev.jobalerts.source.SourceKind;

/**
 * Finds the job postings in a page or document that no board adapter claims. In {@code auto} mode it tries, in this
 * order: JSON (JSON-LD, else a job list or JSON Feed), RSS/Atom feeds, JobPosting in JSON-LD, microdata, RDFa, the
 * source's CSS selectors, and last a plain single-posting page; the first that finds postings wins and names itself
 * in each posting's {@code source}. HTML is parsed once and every HTML reader reads the same document; JSON and XML
 * bodies are never parsed as HTML. Malformed input never throws: the broken part yields nothing and a warning.
 *
 * <p>Stateless, so one instance is cheap, reusable and thread-safe.
 */
public final class PageReaders {
    private final JsonLdExtractor jsonLd = new JsonLdExtractor();
    private final MicrodataExtractor microdata = new MicrodataExtractor();
    private final RdfaExtractor rdfa = new RdfaExtractor();
    private final JsonListExtractor jsonList = new JsonListExtractor();
    private final FeedExtractor feed = new FeedExtractor();
    private final SelectorExtractor selectors = new SelectorExtractor();
    private final PageExtractor page = new PageExtractor();

    public PageReaders() {}

    public ExtractionResult read(PageContent content, ExtractionConfig config) {
        Extraction ctx = new Extraction(content);
        Found found = readDrafts(content, config, ctx);
        List<Posting> postings = build(found.reader(), found.drafts(), ctx);
        return new ExtractionResult(postings.isEmpty() ? ExtractorKind.NONE : found.reader(), postings, ctx.warnings());
    }

    /** The drafts the winning reader found, before normalisation; for callers that add to them before building. */
    public Found readDrafts(PageContent content, ExtractionConfig config, Extraction ctx) {
        try {
            Found found = find(content, config, ctx);
            SourceDefaults.apply(found.drafts(), config);
            return found;
        } catch (RuntimeException e) {
            // Readers guard each item; this is the last line for a bug outside an item, e.g. in a parser.
            ctx.warn("extraction failed: " + e);
            return Found.NOTHING;
        }
    }

    /** Same-site absolute links to posting detail pages on a listing page: from the "url" selector (or "detailLinks" selector) of config, deduplicated, canonical. */
    public List<String> detailLinks(PageContent content, ExtractionConfig config, int max) {
        Map<String, String> css = config.selectors();
        if (max <= 0 || (!css.containsKey(ExtractionConfig.DETAIL_LINKS) && !css.containsKey("url")) || looksLikeJson(content) || looksLikeFeed(content))
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
            if (!HttpUrls.hasHttpPrefix(url)) continue;
            if (site.isEmpty() || !sameSite(site, host(url))) continue;
            links.add(HttpUrls.canonical(url));
            if (links.size() >= max) break;
        }
        return List.copyOf(links);
    }

    private Found find(PageContent content, ExtractionConfig config, Extraction ctx) {
        SourceKind kind = config.kind();
        boolean any = kind == SourceKind.AUTO;
        // A source of kind json is JSON whatever its Content-Type says; an HTML answer then yields a warning, not a page read.
        if (kind == SourceKind.JSON || (looksLikeJson(content) && (any || kind == SourceKind.JSONLD))) return fromJson(content, kind, ctx);
        if ((any && looksLikeFeed(content)) || kind == SourceKind.RSS)
            return new Found(ExtractorKind.of(SourceKind.RSS), feed.extract(FeedExtractor.parse(content.body()), ctx));
        Document doc = Jsoup.parse(content.body(), content.url());
        // The walk serves the structured-data and page readers; a selectors-only source needs none of it.
        PageScan scan = kind == SourceKind.SELECTORS ? null : PageScan.of(doc);
        if (any || kind == SourceKind.JSONLD) {
            Found f = new Found(ExtractorKind.of(SourceKind.JSONLD), jsonLd.extract(scan, ctx));
            if (!any || !f.drafts.isEmpty()) return f;
        }
        if (any || kind == SourceKind.MICRODATA) {
            Found f = new Found(ExtractorKind.of(SourceKind.MICRODATA), microdata.extract(scan, ctx));
            if (!any || !f.drafts.isEmpty()) return f;
        }
        if (any || kind == SourceKind.RDFA) {
            Found f = new Found(ExtractorKind.of(SourceKind.RDFA), rdfa.extract(scan, ctx));
            if (!any || !f.drafts.isEmpty()) return f;
        }
        if ((any && config.selectors().containsKey("item")) || kind == SourceKind.SELECTORS) {
            Found f = new Found(ExtractorKind.of(SourceKind.SELECTORS), selectors.extract(doc, config.selectors(), ctx));
            if (!any || !f.drafts.isEmpty()) return f;
        }
        return new Found(ExtractorKind.of(SourceKind.PAGE), page.extract(scan, config, ctx));
    }

    /** A JSON body that no adapter claimed: JSON-LD served as application/ld+json, else a job list or JSON Feed. */
    private Found fromJson(PageContent content, SourceKind kind, Extraction ctx) {
        List<JsonNode> values;
        try {
            values = LenientJson.readAll(content.body());
        } catch (IOException e) {
            ctx.warn("malformed JSON: " + JsonLdExtractor.firstLine(e.getMessage()));
            return Found.NOTHING;
        }
        List<PostingDraft> drafts = new ArrayList<>();
        if (kind != SourceKind.JSON) {
            for (JsonNode value : values) JsonLdExtractor.fromTree(value, ctx, drafts);
            if (kind == SourceKind.JSONLD || !drafts.isEmpty()) return new Found(ExtractorKind.of(SourceKind.JSONLD), drafts);
        }
        return new Found(ExtractorKind.of(SourceKind.JSON), jsonList.extract(values, ctx));
    }

    /** Whether a body is JSON, by its first character or else its Content-Type. */
    public static boolean looksLikeJson(PageContent content) {        String body = content.body();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{' || c == '[') return true;
            if (!Character.isWhitespace(c) && c != '\ufeff') break;
        }
        String ct = content.contentType().toLowerCase(Locale.ROOT);
        return ct.contains("json") && !ct.contains("html");
    }

    /** Whether a body is an RSS or Atom feed. */
    public static boolean looksLikeFeed(PageContent content) {
        return FeedExtractor.looksLikeFeed(content.body(), content.contentType());
    }

    /**
     * Normalises the drafts of one page, every reader's and adapter's alike. Postings sharing an id are one posting
     * listed twice (kept once) unless their titles differ, as when several postings on one page have no URL of their
     * own: those get the title as a fragment.
     */
    public static List<Posting> build(ExtractorKind source, List<PostingDraft> drafts, Extraction ctx) {
        Map<String, Posting> byId = new LinkedHashMap<>();
        for (PostingDraft draft : drafts) {
            Optional<Posting> built;
            try {
                built = draft.build(source.id(), ctx.pageUrl(), ctx.fetchedAt());
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

    /** What one reader found: its kind ({@code jsonld}, {@code rss} …) and its drafts. */
    public record Found(ExtractorKind reader, List<PostingDraft> drafts) {
        static final Found NOTHING = new Found(ExtractorKind.NONE, List.of());
    }
}
