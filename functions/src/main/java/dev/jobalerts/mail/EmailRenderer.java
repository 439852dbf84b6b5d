package dev.jobalerts.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.jobalerts.coldstart.Lazy;
import dev.jobalerts.url.HttpUrls;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders alert and confirmation emails from the JMustache templates under {@code /mail/} on the classpath.
 *
 * <p>The HTML templates are compiled with HTML escaping on, so every {@code {{value}}} is escaped: posting
 * fields are scraped, untrusted text. The templates never use the unescaped {@code {{{value}}}} form. Text
 * templates are compiled without escaping (there is no markup to break). Templates are compiled once; a compiled
 * {@link Template} is immutable, so one renderer serves every thread.
 */
public final class EmailRenderer {
    /** A digest lists at most this many postings and links to the manage page for the rest. */
    static final int MAX_LISTED = 50;
    static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";

    private record Templates(Template alertHtml, Template alertText, Template confirmHtml, Template confirmText) {}

    /**
     * Compiled on first use, not in a constructor, which a mailing function's every cold start would pay for; shared
     * by every renderer (the templates are the same), so SnapStart priming compiles them for the function's own.
     */
    private static final Lazy<Templates> TEMPLATES = Lazy.of(EmailRenderer::compile);

    private static Templates compile() {
        Mustache.TemplateLoader partials = name -> resource(name);
        Mustache.Compiler html = Mustache.compiler()
                .escapeHTML(true)
                .nullValue("")
                .emptyStringIsFalse(true)
                .zeroIsFalse(true)
                .withLoader(partials);
        Mustache.Compiler text = html.escapeHTML(false);
        return new Templates(html.compile(resource("alert.html.mustache")), text.compile(resource("alert.txt.mustache")),
                html.compile(resource("confirm.html.mustache")), text.compile(resource("confirm.txt.mustache")));
    }

    /**
     * Renders one alert: one section per saved search, at most {@value #MAX_LISTED} postings in all, and the
     * RFC 8058 one-click unsubscribe headers ({@code List-Unsubscribe} with the HTTPS URI in angle brackets, and
     * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}).
     */
    public OutgoingEmail alert(AlertEmail alert) {
        AlertView view = AlertView.of(alert, MAX_LISTED);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LIST_UNSUBSCRIBE, "<" + alert.unsubscribeUrl() + ">");
        headers.put(LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
        return new OutgoingEmail(alert.to(), alert.from(), subject(alert),
                TEMPLATES.get().alertHtml().execute(view), TEMPLATES.get().alertText().execute(view), headers);
    }

    /**
     * Renders the double opt-in message. No unsubscribe headers: the address is not subscribed until the link is
     * followed, and ignoring the email leaves it that way.
     */
    public OutgoingEmail confirmation(String to, String from, String searchQuery, String confirmUrl) {
        HttpUrls.requireAbsoluteHttp(confirmUrl, "confirmUrl");
        String subject = "Confirm your job alert for \"" + Formats.shorten(searchQuery, 60) + "\"";
        ConfirmView view = new ConfirmView(Formats.oneLine(searchQuery), confirmUrl, Formats.oneLine(to), subject);
        return new OutgoingEmail(to, from, subject, TEMPLATES.get().confirmHtml().execute(view), TEMPLATES.get().confirmText().execute(view), Map.of());
    }

    /** {@code 3 new jobs for "python backend" — Nielsen, Infosys and 1 more}. */
    static String subject(AlertEmail alert) {
        int total = alert.matchCount();
        StringBuilder subject = new StringBuilder(Formats.plural(total, "new job", "new jobs"))
                .append(" for \"").append(Formats.shorten(alert.sections().get(0).searchQuery(), 60)).append('"');
        int otherSearches = alert.sections().size() - 1;
        if (otherSearches > 0)
            subject.append(" and ").append(Formats.plural(otherSearches, "other search", "other searches"));
        List<String> companies = companies(alert);
        if (!companies.isEmpty()) subject.append(" — ").append(nameFew(companies));
        return subject.toString();
    }

    /** Distinct company names in the order the email lists them, compared without case. */
    private static List<String> companies(AlertEmail alert) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (AlertSection section : alert.sections())
            for (AlertItem item : section.items()) {
                String name = Formats.shorten(item.posting().company(), 40);
                if (!name.isEmpty() && seen.add(name.toLowerCase(Locale.ROOT))) names.add(name);
            }
        return names;
    }

    private static String nameFew(List<String> names) {
        return switch (names.size()) {
            case 1 -> names.get(0);
            case 2 -> names.get(0) + " and " + names.get(1);
            default -> names.get(0) + ", " + names.get(1) + " and " + (names.size() - 2) + " more";
        };
    }

    private static Reader resource(String name) {
        String path = "/mail/" + name;
        try (InputStream in = EmailRenderer.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing template " + path);
            return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }

    private record ConfirmView(String query, String confirmUrl, String to, String preheader) {}
}
