package dev.jobalerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {

    private static final Charset LATIN = Charset.forName("windows-1252");
    private static final Charset SJIS = Charset.forName("Shift_JIS");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("header charset", "text/html; charset=ISO-8859-1", "<p>Café</p>".getBytes(LATIN), "<p>Café</p>"),
                Arguments.of("quoted header charset", "text/html;charset=\"windows-1252\"", "Zürich".getBytes(LATIN), "Zürich"),
                Arguments.of("no charset anywhere defaults to UTF-8", "text/html", "Köln".getBytes(StandardCharsets.UTF_8), "Köln"),
                Arguments.of("null content type defaults to UTF-8", null, "Köln".getBytes(StandardCharsets.UTF_8), "Köln"),
                Arguments.of("meta charset", "text/html",
                        "<html><head><meta charset=\"shift_jis\"><title>東京</title>".getBytes(SJIS), "<html><head><meta charset=\"shift_jis\"><title>東京</title>"),
                Arguments.of("meta http-equiv", null,
                        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>Málaga".getBytes(LATIN),
                        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>Málaga"),
                Arguments.of("xml prolog", "application/xml",
                        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><job>Genève</job>".getBytes(LATIN),
                        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><job>Genève</job>"),
                Arguments.of("header beats meta", "text/html; charset=utf-8",
                        "<meta charset=\"iso-8859-1\">Köln".getBytes(StandardCharsets.UTF_8), "<meta charset=\"iso-8859-1\">Köln"),
                Arguments.of("UTF-8 BOM beats header and is stripped", "text/html; charset=iso-8859-1",
                        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Köln".getBytes(StandardCharsets.UTF_8)), "Köln"),
                Arguments.of("UTF-16LE BOM", null,
                        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Köln".getBytes(StandardCharsets.UTF_16LE)), "Köln"),
                Arguments.of("UTF-16BE BOM", null,
                        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "Köln".getBytes(StandardCharsets.UTF_16BE)), "Köln"),
                Arguments.of("unknown header charset falls back to meta", "text/html; charset=x-bogus",
                        "<meta charset=iso-8859-1>Málaga".getBytes(LATIN), "<meta charset=iso-8859-1>Málaga"),
                Arguments.of("meta claiming UTF-16 in ASCII bytes means UTF-8", null,
                        "<meta charset=\"utf-16\">Köln".getBytes(StandardCharsets.UTF_8), "<meta charset=\"utf-16\">Köln"),
                Arguments.of("invalid bytes become replacement characters", "text/plain; charset=utf-8",
                        new byte[] {'a', (byte) 0xFF, 'b'}, "a\uFFFDb"),
                Arguments.of("empty body", "text/html", new byte[0], ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decode_picksTheDeclaredCharset(String name, String contentType, byte[] body, String expected) {
        assertThat(BodyDecoder.decode(body, contentType)).isEqualTo(expected);
    }

    @Test
    void decode_whenBodyIsNull_returnsEmpty() {
        assertThat(BodyDecoder.decode(null, "text/html")).isEmpty();
    }

    @Test
    void lookup_whenLabelIsLatin1_usesWindows1252LikeBrowsers() {
        // 0x80 is the euro sign in windows-1252 and a C1 control in strict ISO-8859-1.
        assertThat(BodyDecoder.decode(new byte[] {(byte) 0x80}, "text/html; charset=iso-8859-1")).isEqualTo("€");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
