package dev.jobalerts.feed;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link Feed} as an Atom 1.0 document (RFC 4287). What the RFC requires is always there: the feed's id,
 * title, updated and author (§4.1.1; entries inherit the feed's author), each entry's id, title and updated
 * (§4.1.2), and a content element, so an entry without a usable link is still valid (§4.1.1.1). Ids are {@code urn:uuid}
 * URIs derived from the subscriber's and the posting's ids, so they never change (§4.2.6) and reveal neither. The
 * XML is written by the JDK's StAX writer, which escapes markup; characters XML 1.0 cannot carry at all (control
 * characters, lone surrogates) are dropped first, since scraped postings do contain them.
 */
public final class AtomFeed {
    public static final String MEDIA_TYPE = "application/atom+xml; charset=utf-8";
    static final String NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private AtomFeed() {}

    /**
     * @param selfUrl the feed's own URL ({@code rel="self"}, RFC 4287 §4.2.7.2)
     * @param siteUrl the sign-up page, the feed's {@code rel="alternate"}; never the manage page, whose link would let
     *                anyone holding the feed change or stop the alerts
     */
    public static String write(Feed feed, String selfUrl, String siteUrl) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            text(xml, "id", urn("jobalerts feed " + feed.subscriberId()));
            text(xml, "title", feed.title());
            text(xml, "subtitle", "The latest " + FeedService.MAX_ENTRIES + " postings that matched your saved searches.");
            text(xml, "updated", timestamp(feed.updated()));
            xml.writeStartElement("author");
            text(xml, "name", "Job alerts");
            xml.writeEndElement();
            link(xml, "self", selfUrl, "application/atom+xml");
            link(xml, "alternate", siteUrl, "text/html");
            text(xml, "generator", "jobalerts");
            for (Feed.Entry entry : feed.entries()) entry(xml, entry);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a feed to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, Feed.Entry entry) throws XMLStreamException {
        xml.writeStartElement("entry");
        text(xml, "id", urn("jobalerts posting " + entry.postingId()));
        text(xml, "title", entry.title());
        text(xml, "updated", timestamp(entry.updated()));
        if (!entry.url().isEmpty()) link(xml, "alternate", entry.url(), "text/html");
        if (!entry.searchLabel().isEmpty()) {
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", clean(entry.searchLabel()));
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(clean(String.join("\n", lines(entry))));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The entry's text, in the alert email's words: where, when, and why it matched. */
    static List<String> lines(Feed.Entry entry) {
        List<String> lines = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (!entry.company().isBlank()) where.add(entry.company().strip());
        if (!entry.location().isBlank()) where.add(entry.location().strip());
        if (entry.remote()) where.add("Remote");
        if (!where.isEmpty()) lines.add(String.join(" · ", where));
        if (entry.datePosted() != null) lines.add("Posted " + entry.datePosted());
        if (!entry.matched().isEmpty()) lines.add("matched: " + entry.matched());
        if (!entry.searchLabel().isEmpty()) lines.add("Your search: " + entry.searchLabel());
        return lines;
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", clean(href));
    }

    /** RFC 3339 date-time in UTC, whole seconds (RFC 4287 §3.3). */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Drops what XML 1.0 cannot carry (§2.2 Char): C0 controls other than tab, newline and carriage return, lone
     * surrogates, U+FFFE and U+FFFF. Escaping is the writer's job.
     */
    static String clean(String text) {
        if (text == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep;
            if (Character.isHighSurrogate(c)) {
                keep = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (keep) {
                    if (out != null) out.append(c).append(text.charAt(i + 1));
                    i++;
                    continue;
                }
            } else {
                keep = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE);
            }
            if (keep) {
                if (out != null) out.append(c);
            } else if (out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
        }
        return out == null ? text : out.toString();
    }
}
