package dev.jobalerts.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostingTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '  Senior   Engineer  '           | Senior Engineer
            R&amp;D Chemist                   | R&D Chemist
            'Caf&eacute;\u00a0Manager'        | Café Manager
            'Line\none\ttwo'                  | Line one two
            """)
    void line_trimsUnescapesAndCollapsesWhitespace(String raw, String expected) {
        assertThat(PostingText.line(raw.replace("\\n", "\n").replace("\\t", "\t"))).isEqualTo(expected);
    }

    @Test
    void plain_whenHtml_keepsParagraphsAndListItems() {
        String html = "<p>First <b>para</b>.</p>\n<ul>\n  <li>one</li>\n  <li>two</li>\n</ul><p>Last<br>line</p>";
        assertThat(PostingText.plain(html)).isEqualTo("First para.\n\n- one\n- two\n\nLast\nline");
    }

    @Test
    void plain_whenHtmlWasEscapedTwice_decodesItFirst() {
        assertThat(PostingText.plain("&lt;p&gt;A &amp;amp; B&lt;/p&gt;&lt;p&gt;C&lt;/p&gt;")).isEqualTo("A & B\n\nC");
    }

    @Test
    void plain_whenPlainText_keepsItsLineBreaks() {
        assertThat(PostingText.plain("One  line.\r\n\r\n\r\nNext paragraph\nsame one.")).isEqualTo("One line.\n\nNext paragraph\nsame one.");
    }

    @Test
    void plain_dropsScriptsAndStyles() {
        assertThat(PostingText.plain("<p>Hi</p><script>alert(1)</script><style>p{}</style>")).isEqualTo("Hi");
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
        assertThat(PostingText.mentionsRemote(location)).isEqualTo(expected);
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
}
