package dev.jobalerts.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '  Senior   Engineer  '           | Senior Engineer
            R&amp;D Chemist                   | R&D Chemist
            'Caf&eacute;\u00a0Manager'        | Café Manager
            'Line\none\ttwo'                  | Line one two
            """)
    void line_trimsUnescapesAndCollapsesWhitespace(String raw, String expected) {
        assertThat(PlainText.line(raw.replace("\\n", "\n").replace("\\t", "\t"))).isEqualTo(expected);
    }

    @Test
    void plain_whenHtml_keepsParagraphsAndListItems() {
        String html = "<p>First <b>para</b>.</p>\n<ul>\n  <li>one</li>\n  <li>two</li>\n</ul><p>Last<br>line</p>";
        assertThat(PlainText.plain(html)).isEqualTo("First para.\n\n- one\n- two\n\nLast\nline");
    }

    @Test
    void plain_whenHtmlWasEscapedTwice_decodesItFirst() {
        assertThat(PlainText.plain("&lt;p&gt;A &amp;amp; B&lt;/p&gt;&lt;p&gt;C&lt;/p&gt;")).isEqualTo("A & B\n\nC");
    }

    @Test
    void plain_whenPlainText_keepsItsLineBreaks() {
        assertThat(PlainText.plain("One  line.\r\n\r\n\r\nNext paragraph\nsame one.")).isEqualTo("One line.\n\nNext paragraph\nsame one.");
    }

    @Test
    void plain_dropsScriptsAndStyles() {
        assertThat(PlainText.plain("<p>Hi</p><script>alert(1)</script><style>p{}</style>")).isEqualTo("Hi");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Remote - US          | true
            Berlin (remote)      | true
            Anywhere             | true
            Remoteville, TX      | false
            Berlin               | false
            """)
    void mentionsRemote_findsTheWordRemote(String location, boolean expected) {
        assertThat(PlainText.mentionsRemote(location)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Full-time     | FULL_TIME
            FullTime      | FULL_TIME
            FULL_TIME     | FULL_TIME
            part time     | PART_TIME
            Contract      | CONTRACTOR
            Internship    | INTERN
            Temporary     | TEMPORARY
            per diem      | PER_DIEM
            Weekends      | NULL
            """)
    void employmentTypes_mapCommonSpellings(String raw, String expected) {
        assertThat(EmploymentTypes.normalise(raw)).isEqualTo(expected);
    }

    /** plain() reads a fragment without parseBodyFragment's document shell; the text must be what the shell gave. */
    @ParameterizedTest(name = "[{index}]")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "<p>One</p><p>Two <b>bold</b></p><ul><li>a<li>b</ul>",
            "<html><head><title>T</title></head><body><p>x</p></body></html>",
            "lead text<p>para</p>tail",
            "<td>cell</td><tr><td>row</td></tr>",
            "<table><tr><td>a</td><td>b</td></tr></table>",
            "</p><p>stray end</p>",
            "<frameset><frame></frameset>",
            "<script>var x = 1;</script><p>after</p>",
            "<p>a<br>b<br/>c</p>",
            "<form><input value=x></form><p>after form</p>",
            "<li>- dash</li><li>-</li>"})
    void plain_readsAFragmentAsParseBodyFragmentDoes(String html) {
        String viaShell = PlainText.fromHtml(org.jsoup.Jsoup.parseBodyFragment(html).body());
        assertThat(PlainText.plain(html)).isEqualTo(viaShell);
    }

    @Test
    void line_whenAlreadyOneLine_returnsTheSameText() {
        assertThat(PlainText.line("Senior Engineer, Platform")).isEqualTo("Senior Engineer, Platform");
        assertThat(PlainText.line(" Senior  Engineer\t")).isEqualTo("Senior Engineer");
        assertThat(PlainText.line("Caf\u00e9\u00a0Lyon")).isEqualTo("Caf\u00e9 Lyon");
    }

    /** The run-copying tidy must say exactly what the char-by-char one it replaced said, on any text. */
    @Test
    void tidy_matchesTheCharByCharReference() {
        java.util.Random random = new java.util.Random(42);
        String alphabet = "ab -\n\r\t\u00a0\u200b\u0001é.\u2028x";
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertThat(PlainText.tidy(text.toString())).as("tidy of %s", text).isEqualTo(referenceTidy(text.toString()));
        }
    }

    private static String referenceTidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder line = new StringBuilder();
        int blank = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') continue;
                c = '\n';
            }
            if (c != '\n') {
                boolean space = c < 0x80 ? c <= ' ' || c == 0x7f : Character.isISOControl(c) || Character.isSpaceChar(c) || c == '\u200b';
                if (!space) line.append(c);
                else if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') line.append(' ');
                continue;
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == ' ') line.setLength(end - 1);
            if (line.length() == 0 || (line.length() == 1 && line.charAt(0) == '-')) {
                blank++;
            } else {
                if (out.length() > 0) out.append(blank > 0 ? "\n\n" : "\n");
                out.append(line);
                blank = 0;
            }
            line.setLength(0);
        }
        return out.toString();
    }
}
