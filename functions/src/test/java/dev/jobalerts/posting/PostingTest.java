package dev.jobalerts.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a posting holds is bounded once, where it is made: every store and email can take it. */
class PostingTest {

    private static Posting posting(String id, String url, String title, String description) {
        return new Posting(id, url, title, "Acme", "Raleigh", false, null, null, null, description, "page");
    }

    @Test
    void id_thatADynamoDbKeyCannotHold_becomesAStableHash_andTheUrlStays() {
        String longUrl = "https://jobs.example/" + "a".repeat(3_000);
        Posting p = posting(longUrl, longUrl, "Welder", "");
        assertThat(p.id()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(p.id()).isEqualTo(posting(longUrl, longUrl, "Welder", "").id());
        assertThat(p.url()).isEqualTo(longUrl);
        assertThat(posting("greenhouse:acme:1", "", "Welder", "").id()).isEqualTo("greenhouse:acme:1");
    }

    @Test
    void description_tooLongToStore_isCutWithAMarker_once() {
        Posting p = posting("x", "", "Welder", "d".repeat(560_000));
        assertThat(p.description()).hasSize(Posting.MAX_DESCRIPTION + Posting.CUT_MARKER.length()).endsWith(Posting.CUT_MARKER);
        Posting again = posting("x", "", "Welder", p.description());
        assertThat(again.description()).isEqualTo(p.description());
        assertThat(posting("x", "", "T".repeat(5_000), "").title()).hasSize(Posting.MAX_LINE + Posting.CUT_MARKER.length());
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            https://jobs.example/1                       | https://jobs.example/1
            HTTP://jobs.example/1                        | HTTP://jobs.example/1
            javascript:alert(document.cookie)            | ''
            data:text/html,<script>alert(1)</script>     | ''
            ftp://jobs.example/1                         | ''
            https://bank.example@evil.example/login      | https://evil.example/login
            https://user:pass@jobs.example/1             | https://jobs.example/1
            /relative/only                               | ''
            'https://jobs.example/a b'                   | https://jobs.example/a b
            """)
    void url_isAnHttpLinkWithoutUserInfo_orNone(String given, String kept) {
        assertThat(posting("x", given, "Welder", "").url()).isEqualTo(kept);
    }
}
