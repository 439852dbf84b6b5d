package dev.jobalerts.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The feed checked against what RFC 4287 requires, after a real XML parser has read it back. */
class AtomFeedTest {
    private static final String SELF = "https://alerts.example/feeds/f.abc.1.mac.atom";
    private static final String SITE = "https://alerts.example/";
    private static final String HOSTILE = "<script>alert(\"x\")</script> & ]]> 'Engineer'";

    private static Feed.Entry entry(String id, String title, String url, String updated) {
        return new Feed.Entry(id, title, url, Instant.parse(updated), "Acme <Labs>", "Charlotte, NC", true, "2026-11-20",
                "python, django", "python AND (django OR flask)");
    }

    private static Feed feed(List<Feed.Entry> entries) {
        return new Feed("0123456789abcdef0123456789abcdef", "Job alerts: “python”", Instant.parse("2026-11-22T10:00:00.123456Z"), entries);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
            if (n instanceof Element e && AtomFeed.NS.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) found.add(e);
        return found;
    }

    private static String only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("exactly one atom:%s in %s", name, parent.getLocalName()).hasSize(1);
        return found.get(0).getTextContent();
    }

    @Test
    void write_holdsEveryElementRfc4287Requires() throws Exception {
        Document doc = parse(AtomFeed.write(feed(List.of(
                entry("greenhouse:123", "Python Engineer", "https://jobs.example/123", "2026-11-22T10:00:00Z"),
                entry("https://jobs.example/x?a=1&b=2", "Data Engineer", "https://jobs.example/x?a=1&b=2", "2026-11-21T09:30:00Z"))), SELF, SITE));

        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getLocalName()).isEqualTo("feed");
        // §4.1.1: atom:id, atom:title, atom:updated once each; an atom:author since the entries have none.
        assertThat(URI.create(only(feed, "id")).isAbsolute()).isTrue();
        assertThat(only(feed, "title")).isEqualTo("Job alerts: “python”");
        assertThat(Instant.parse(only(feed, "updated"))).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(only(children(feed, "author").get(0), "name")).isEqualTo("Job alerts");
        assertThat(children(feed, "link")).anySatisfy(link -> {
            assertThat(link.getAttribute("rel")).isEqualTo("self");
            assertThat(link.getAttribute("href")).isEqualTo(SELF);
        });
        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(2);
        for (Element entry : entries) {
            // §4.1.2: atom:id, atom:title, atom:updated once each; an alternate link (or content).
            assertThat(only(entry, "id")).startsWith("urn:uuid:");
            assertThat(only(entry, "title")).isNotBlank();
            assertThat(Instant.parse(only(entry, "updated"))).isNotNull();
            Element link = children(entry, "link").get(0);
            assertThat(link.getAttribute("rel")).isEqualTo("alternate");
            assertThat(URI.create(link.getAttribute("href")).getScheme()).isEqualTo("https");
            assertThat(children(entry, "content").get(0).getAttribute("type")).isEqualTo("text");
        }
        assertThat(children(entries.get(1), "link").get(0).getAttribute("href")).isEqualTo("https://jobs.example/x?a=1&b=2");
        String content = only(entries.get(0), "content");
        assertThat(content).contains("Acme <Labs> · Charlotte, NC · Remote", "Posted 2026-11-20", "matched: python, django",
                "Your search: python AND (django OR flask)");
        assertThat(children(entries.get(0), "category").get(0).getAttribute("term")).isEqualTo("python AND (django OR flask)");
    }

    @Test
    void write_escapesEveryPostingField_andDropsWhatXmlCannotHold() throws Exception {
        Feed.Entry hostile = new Feed.Entry("p\u0000<1>", HOSTILE + "\u0001\u001f", "https://jobs.example/?q=\"><x>", Instant.parse("2026-11-22T10:00:00Z"),
                "Co\u000b & <b>", "Zürich \uD83D\uDE80 \uD800 lone", false, null, "c++, \"machine learning\"", "<i>label</i>\uFFFE");

        String xml = AtomFeed.write(feed(List.of(hostile)), SELF, SITE);

        assertThat(xml).doesNotContain("<script>", "<b>", "<x>", "<i>", "\u0000", "\u0001", "\u000b", "\uD800 ");
        Element entry = children(parse(xml).getDocumentElement(), "entry").get(0);
        assertThat(only(entry, "title")).isEqualTo(HOSTILE);
        assertThat(children(entry, "link").get(0).getAttribute("href")).isEqualTo("https://jobs.example/?q=\"><x>");
        assertThat(only(entry, "content")).contains("Co & <b> · Zürich \uD83D\uDE80  lone", "matched: c++, \"machine learning\"");
        assertThat(children(entry, "category").get(0).getAttribute("term")).isEqualTo("<i>label</i>");
    }

    @Test
    void write_entryWithoutAUsableLink_stillHasContent() throws Exception {
        Element entry = children(parse(AtomFeed.write(feed(List.of(entry("p1", "No link", "", "2026-11-22T10:00:00Z"))), SELF, SITE))
                .getDocumentElement(), "entry").get(0);

        assertThat(children(entry, "link")).isEmpty();
        assertThat(only(entry, "content")).isNotBlank();
    }

    @Test
    void ids_areStableAcrossWrites_uniquePerPosting_andRevealNeitherSubscriberNorPosting() throws Exception {
        List<Feed.Entry> entries = List.of(entry("greenhouse:1", "A", "https://j.example/1", "2026-11-22T10:00:00Z"),
                entry("greenhouse:2", "B", "https://j.example/2", "2026-11-22T09:00:00Z"));
        String first = AtomFeed.write(feed(entries), SELF, SITE);
        String again = AtomFeed.write(feed(List.of(entries.get(1))), "https://elsewhere.example/feeds/new-token.atom", SITE);

        Element one = parse(first).getDocumentElement();
        Element two = parse(again).getDocumentElement();
        assertThat(only(one, "id")).isEqualTo(only(two, "id"));
        assertThat(only(children(one, "entry").get(1), "id")).isEqualTo(only(children(two, "entry").get(0), "id"));
        assertThat(new HashSet<>(List.of(only(children(one, "entry").get(0), "id"), only(children(one, "entry").get(1), "id")))).hasSize(2);
        assertThat(first).doesNotContain("0123456789abcdef0123456789abcdef", "urn:uuid:greenhouse");
    }

    @Test
    void write_linksTheSignUpPage_neverTheManagePage() {
        String xml = AtomFeed.write(feed(List.of()), SELF, SITE);

        assertThat(xml).contains("rel=\"alternate\"", "href=\"" + SITE + "\"").doesNotContain("/manage");
        assertThat(AtomFeed.MEDIA_TYPE).isEqualTo("application/atom+xml; charset=utf-8");
    }
}
