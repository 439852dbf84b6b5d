package dev.jobalerts.api;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.jobalerts.coldstart.Lazy;
import dev.jobalerts.preview.Preview;
import dev.jobalerts.search.RemoteMode;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.search.SearchMatch;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriptionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML pages, rendered from Mustache templates under {@code dev/jobalerts/api/pages}. Mustache's
 * {@code {{name}}} escapes HTML, so everything a user typed is escaped wherever it is echoed; no template uses
 * the unescaped {@code {{{name}}}} form.
 */
final class Pages {
    private static final String ROOT = "dev/jobalerts/api/pages/";
    private static final Map<RemoteMode, String> REMOTE_LABELS = Map.of(
            RemoteMode.ANY, "Same rules as other jobs", RemoteMode.INCLUDE, "Also remote jobs anywhere",
            RemoteMode.ONLY, "Only remote jobs", RemoteMode.EXCLUDE, "No remote jobs");
    private static final Map<Frequency, String> FREQUENCY_LABELS = Map.of(
            Frequency.INSTANT, "As soon as a job is posted", Frequency.DAILY, "Once a day", Frequency.WEEKLY, "Once a week");

    /** The key of the form for a new search (the sign-up form, the manage page's "Add a search"). */
    static final String NEW_SEARCH = "new";

    /**
     * What one search form on the manage page shows instead of the stored search: the values posted with its Preview
     * button, and the preview or the reason there is none.
     *
     * @param key the form's key: a search id, or {@link #NEW_SEARCH}
     */
    record Draft(String key, Map<String, String> values, ApiError error, Preview preview) {}

    /**
     * Compiled on first use, not in the API function's constructor, which every cold start pays for; shared by every
     * instance (the templates are the same), so SnapStart priming compiles them for the function's own.
     */
    private static final Lazy<Map<String, Template>> TEMPLATES = Lazy.of(Pages::compile);

    private static Map<String, Template> compile() {
        Map<String, Template> templates = new HashMap<>();
        // Every attribute in the templates is quoted, so these five characters are all that need escaping; the default
        // escaper also encodes '=' and '`', which would turn each "?token=" in a link into "?token&#x3D;".
        var escaper = Escapers.simple(new String[][] {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});
        var compiler = Mustache.compiler().withEscaper(escaper).defaultValue("").emptyStringIsFalse(true)
                .withLoader(name -> reader(name + ".html"));
        for (String name : List.of("signup", "message", "manage", "unsubscribe"))
            templates.put(name, compiler.compile(reader(name + ".html")));
        return Map.copyOf(templates);
    }

    /**
     * The sign-up form, with the values and the error of a refused form post when there was one, or with the preview
     * its Preview button asked for.
     */
    String signUp(PublicLinks links, Map<String, String> values, ApiError error, Preview preview) {
        Map<String, Object> page = page(links, "Create a job alert");
        String email = values.getOrDefault("email", "");
        page.put("email", email);
        Map<String, Object> search = searchFields(NEW_SEARCH, values.getOrDefault("query", ""), values.getOrDefault("locations", ""),
                values.getOrDefault("remote", "any"), values.getOrDefault("minSalary", ""), error, "search.");
        if (preview != null) search.put("preview", previewView(preview));
        page.put("search", search);
        page.put("previewAction", links.to("/subscriptions/preview"));
        page.put("frequencyOptions", frequencyOptions(values.getOrDefault("frequency", "instant")));
        if (error != null) {
            String field = error.field() == null ? "" : error.field();
            if (field.equals("email") || field.equals("frequency")) page.put(field + "Error", error.message());
            else if (!field.startsWith("search.") || !SearchInput.FORM_FIELDS.contains(field.substring("search.".length())))
                page.put("formError", error.message());
        }
        return render("signup", page);
    }

    String message(PublicLinks links, String title, List<String> paragraphs, String linkUrl, String linkText) {
        Map<String, Object> page = page(links, title);
        page.put("paragraphs", paragraphs);
        page.put("linkUrl", linkUrl);
        page.put("linkText", linkText);
        return render("message", page);
    }

    String unsubscribe(PublicLinks links, String token, Subscriber subscriber, boolean offerManage) {
        Map<String, Object> page = page(links, "Unsubscribe");
        page.put("email", subscriber.email());
        page.put("action", links.to("/unsubscribe", token));
        if (offerManage) page.put("manageUrl", links.to("/manage", token));
        return render("unsubscribe", page);
    }

    /**
     * @param feedUrl the subscriber's feed of matches, offered on the page (and to feed readers that look for a
     *                {@code <link rel="alternate">})
     * @param draft   one form's posted values and preview, or null to show every search as stored
     */
    String manage(PublicLinks links, String token, String feedUrl, Subscriber subscriber, List<SubscriberSearch> searches, Draft draft) {
        Map<String, Object> page = page(links, "Your job alerts");
        page.put("feedUrl", feedUrl);
        page.put("email", subscriber.email());
        page.put("status", subscriber.status().wireName());
        if (!subscriber.receivesAlerts()) page.put("notice", subscriber.status() == SubscriberStatus.UNSUBSCRIBED || subscriber.status() == SubscriberStatus.SUPPRESSED
                ? "You are unsubscribed and get no alerts. Sign up again on the start page to restart them."
                : "Alerts are stopped for now.");
        page.put("frequencyAction", links.to("/manage/frequency", token));
        page.put("frequencyOptions", frequencyOptions(subscriber.frequency().wireName()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (SubscriberSearch s : searches) {
            SavedSearch search = s.search();
            Map<String, Object> item = draft != null && draft.key().equals(search.id()) ? draftFields(draft)
                    : searchFields(search.id(), search.query(), String.join(", ", search.locations()),
                            search.remote().wireName(), search.minSalary() == null ? "" : plain(search.minSalary()), null, "");
            item.put("previewAction", previewAction(links, token, search.id()));
            String path = "/manage/searches/" + search.id();
            item.put("id", search.id());
            item.put("title", search.query().isEmpty() ? "Every new job" : search.query());
            item.put("paused", s.paused());
            item.put("editAction", links.to(path, token));
            item.put("pauseAction", links.to(path + "/pause", token));
            item.put("resumeAction", links.to(path + "/resume", token));
            item.put("deleteFormAction", links.to(path + "/delete", token));
            items.add(item);
        }
        page.put("searches", items);
        page.put("count", searches.size());
        page.put("limit", SubscriptionService.MAX_SEARCHES);
        page.put("canAdd", searches.size() < SubscriptionService.MAX_SEARCHES);
        Map<String, Object> newSearch = draft != null && draft.key().equals(NEW_SEARCH) ? draftFields(draft)
                : searchFields(NEW_SEARCH, "", "", "any", "", null, "");
        newSearch.put("previewAction", previewAction(links, token, NEW_SEARCH));
        page.put("newSearch", newSearch);
        page.put("addAction", links.to("/manage/searches", token));
        page.put("unsubscribeAction", links.to("/unsubscribe", token));
        page.put("revokeAction", links.to("/manage/links/revoke", token));
        return render("manage", page);
    }

    private static Map<String, Object> draftFields(Draft draft) {
        Map<String, String> v = draft.values();
        Map<String, Object> fields = searchFields(draft.key(), v.getOrDefault("query", ""), v.getOrDefault("locations", ""),
                v.getOrDefault("remote", "any"), v.getOrDefault("minSalary", ""), null, "");
        if (draft.error() != null) {
            String field = draft.error().field();
            fields.put((field != null && SearchInput.FORM_FIELDS.contains(field) ? field : "preview") + "Error", draft.error().message());
        }
        if (draft.preview() != null) fields.put("preview", previewView(draft.preview()));
        return fields;
    }

    private static String previewAction(PublicLinks links, String token, String key) {
        // Keys are search ids or "new": letters, digits, '-' and '_', nothing to escape in a query string.
        return links.to("/manage/preview", token) + "&search=" + key;
    }

    /**
     * A preview as the page shows it. The wording matches what app.js writes when it updates the preview while the
     * person types.
     */
    static Map<String, Object> previewView(Preview preview) {
        Map<String, Object> view = new HashMap<>();
        String of = String.format(Locale.ENGLISH, "%,d", preview.of());
        String days = preview.days() + (preview.days() == 1 ? " day" : " days");
        String count;
        if (preview.of() == 0) count = "No postings were first seen in the last " + days + ", so there is nothing to compare your search with yet.";
        else if (preview.matches() == 0) count = "None of the " + of + " postings first seen in the last " + days + " match this search.";
        else count = String.format(Locale.ENGLISH, "%,d", preview.matches()) + " of the " + of + " postings first seen in the last " + days
                + (preview.matches() == 1 ? " matches" : " match") + " this search.";
        view.put("countText", count);
        List<Map<String, Object>> examples = new ArrayList<>();
        for (Preview.Example example : preview.examples()) {
            Map<String, Object> item = new HashMap<>();
            item.put("title", example.title());
            item.put("url", example.url() == null ? "" : example.url());
            List<String> where = new ArrayList<>();
            if (!example.company().isBlank()) where.add(example.company());
            if (!example.location().isBlank()) where.add(example.location());
            item.put("where", String.join(" · ", where));
            item.put("posted", example.datePosted() == null ? "" : example.datePosted());
            item.put("matched", SearchMatch.matchedLine(example.matched()));
            examples.add(item);
        }
        view.put("examples", examples);
        return view;
    }

    private static Map<String, Object> page(PublicLinks links, String title) {
        Map<String, Object> page = new HashMap<>();
        page.put("base", links.base());
        page.put("title", title);
        return page;
    }

    private static Map<String, Object> searchFields(String key, String query, String locations, String remote, String minSalary,
                                                    ApiError error, String prefix) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("key", key);
        fields.put("query", query);
        fields.put("locations", locations);
        fields.put("minSalary", minSalary);
        List<Map<String, Object>> options = new ArrayList<>();
        for (RemoteMode mode : RemoteMode.values())
            options.add(Map.of("value", mode.wireName(), "label", REMOTE_LABELS.get(mode), "selected", mode.wireName().equals(remote)));
        fields.put("remoteOptions", options);
        if (error != null && error.field() != null && error.field().startsWith(prefix) && !prefix.isEmpty())
            fields.put(error.field().substring(prefix.length()) + "Error", error.message());
        return fields;
    }

    private static List<Map<String, Object>> frequencyOptions(String selected) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (Frequency frequency : Frequency.values())
            options.add(Map.of("value", frequency.wireName(), "label", FREQUENCY_LABELS.get(frequency), "checked", frequency.wireName().equals(selected)));
        return options;
    }

    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
    }

    private String render(String name, Map<String, Object> page) {
        return TEMPLATES.get().get(name).execute(page);
    }

    private static InputStreamReader reader(String name) {
        InputStream in = Pages.class.getClassLoader().getResourceAsStream(ROOT + name);
        if (in == null) throw new UncheckedIOException(new IOException("missing page template " + name));
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
