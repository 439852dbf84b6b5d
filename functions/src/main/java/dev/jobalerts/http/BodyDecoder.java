package dev.jobalerts.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns response bytes into text. The charset comes from, in order: a byte order mark, the
 * {@code charset} parameter of the Content-Type header, a {@code <meta charset>} or
 * {@code <meta http-equiv="Content-Type">} in the first bytes, the XML prolog's {@code encoding};
 * otherwise UTF-8.
 *
 * <p>The BOM wins over the header as in the WHATWG HTML encoding sniffing algorithm (HTML §13.2.3.2),
 * because a BOM is written by the tool that wrote the bytes while the header is often a server default.
 * Bytes that do not fit the charset become U+FFFD rather than failing: a job page with one bad byte is
 * still worth parsing.
 */
public final class BodyDecoder {

    /** WHATWG's prescan looks at 1024 bytes; real pages put scripts before the meta, so look a little further. */
    private static final int PRESCAN_BYTES = 4096;

    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)(?:^|;)\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([-\\w.:]+)");
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([-\\w.:]+)[\"']");

    private BodyDecoder() {}

    /** Decodes {@code body} (null reads as empty); {@code contentType} is the raw header value or null. */
    public static String decode(byte[] body, String contentType) {
        if (body == null || body.length == 0) return "";
        Bom bom = Bom.of(body);
        if (bom != null) return new String(body, bom.length, body.length - bom.length, bom.charset);
        Charset charset = fromHeader(contentType);
        if (charset == null) charset = fromDocument(body);
        return new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    static Charset fromHeader(String contentType) {
        if (contentType == null) return null;
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? lookup(m.group(1)) : null;
    }

    /** Reads the declaration as Latin-1 so any ASCII-compatible charset's markup is visible byte for byte. */
    static Charset fromDocument(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        if (xml.find()) return asciiCompatible(lookup(xml.group(1)));
        Matcher meta = META_CHARSET.matcher(head);
        while (meta.find()) {
            Charset found = asciiCompatible(lookup(meta.group(1)));
            if (found != null) return found;
        }
        return null;
    }

    /**
     * Maps a label to a charset, following the WHATWG Encoding Standard where it differs from Java:
     * "iso-8859-1", "latin1" and "us-ascii" mean windows-1252, which browsers (and page authors) assume.
     */
    static Charset lookup(String label) {
        String name = label.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252" -> name = "windows-1252";
            case "utf8" -> name = "UTF-8";
            default -> { }
        }
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException badName) {
            return null;
        }
    }

    /**
     * A declaration found by reading the bytes as ASCII cannot truthfully name UTF-16/32; WHATWG treats such
     * a meta as UTF-8 (HTML §13.2.3.3 step "if charset is UTF-16BE/LE, set it to UTF-8").
     */
    private static Charset asciiCompatible(Charset charset) {
        if (charset == null) return null;
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.startsWith("UTF-16") || name.startsWith("UTF-32") ? StandardCharsets.UTF_8 : charset;
    }

    private record Bom(Charset charset, int length) {
        static Bom of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return new Bom(StandardCharsets.UTF_16BE, 2);
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return new Bom(StandardCharsets.UTF_16LE, 2);
            return null;
        }
    }
}
