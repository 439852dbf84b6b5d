package dev.jobalerts.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URISyntaxException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpUrlsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://jobs.example.com/a/1                                   | https://jobs.example.com/a/1
            HTTPS://Jobs.Example.COM/A/1                                   | https://jobs.example.com/A/1
            https://jobs.example.com:443/a/1                               | https://jobs.example.com/a/1
            http://jobs.example.com:80/a/1                                 | http://jobs.example.com/a/1
            https://jobs.example.com:8443/a/1                              | https://jobs.example.com:8443/a/1
            https://jobs.example.com                                       | https://jobs.example.com/
            https://jobs.example.com/a/1#apply                             | https://jobs.example.com/a/1
            https://jobs.example.com/a/1?utm_source=x&utm_medium=y         | https://jobs.example.com/a/1
            https://jobs.example.com/a/1?gh_src=abc&ref=home&source=feed   | https://jobs.example.com/a/1
            https://jobs.example.com/a?b=2&a=1&UTM_Campaign=z              | https://jobs.example.com/a?a=1&b=2
            https://boards.greenhouse.io/acme/jobs?gh_jid=42&gh_src=li     | https://boards.greenhouse.io/acme/jobs?gh_jid=42
            '  https://jobs.example.com/a/1  '                             | https://jobs.example.com/a/1
            /relative/path                                                 | /relative/path
            mailto:jobs@example.com                                        | mailto:jobs@example.com
            """)
    void canonical_normalisesWhatDoesNotChangeThePosting(String url, String expected) {
        assertThat(HttpUrls.canonical(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://jobs.example.com/a/1?utm_source=rss     | https://jobs.example.com/a/1?utm_source=mail#top
            https://Jobs.example.com/a/1?b=2&a=1            | https://jobs.example.com:443/a/1?a=1&b=2
            """)
    void canonical_whenOnlyTrackingOrOrderDiffers_givesTheSameId(String first, String second) {
        assertThat(HttpUrls.canonical(first)).isEqualTo(HttpUrls.canonical(second));
    }

    /** Posting ids are stored keys: these are what crawler-commons' normaliser would rewrite and we must not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://a.example/%7Ejobs/1           | https://a.example/%7Ejobs/1
            https://a.example/x/../jobs/1         | https://a.example/x/../jobs/1
            https://Bücher.example/jobs           | https://bücher.example/jobs
            https://user@a.example/j              | https://user@a.example/j
            https://a.example/j%2fk               | https://a.example/j%2fk
            https://a.example/jobs 1              | https://a.example/jobs%201
            https://my_board.example/jobs?b&a     | https://my_board.example/jobs?a&b
            """)
    void canonical_keepsWhatStoredIdsWereMadeOf(String url, String expected) {
        assertThat(HttpUrls.canonical(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            https://a.example/jobs/1                  | https://a.example/jobs/1
            '  https://a.example/jobs/1 '             | https://a.example/jobs/1
            HTTP://A.example/jobs                     | HTTP://A.example/jobs
            https://bank.example@evil.example/x       | https://evil.example/x
            https://u:p@evil.example/x?y=@z           | https://evil.example/x?y=@z
            https://my_board.example/jobs             | https://my_board.example/jobs
            https://a.example/open roles              | https://a.example/open roles
            javascript:alert(1)                       | ''
            data:text/html,x                          | ''
            /jobs/1                                   | ''
            https:///jobs                             | ''
            ftp://a.example/x                         | ''
            null                                      | ''
            """)
    void safeLink_keepsOnlyHttpWithoutUserInfo(String url, String expected) {
        assertThat(HttpUrls.safeLink(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            https://a.example/jobs          | true
            http://a.example                | true
            HTTPS://A.EXAMPLE/x             | true
            ' https://a.example/x '         | true
            http://127.0.0.1:8080/api       | true
            http://[::1]:8080/api           | true
            https://my_board.example/x      | false
            https:///x                      | false
            https:/x                        | false
            /jobs/1                         | false
            a.example/jobs                  | false
            javascript:alert(1)             | false
            ftp://a.example/x               | false
            https://a.example/open roles    | false
            ''                              | false
            null                            | false
            """)
    void isAbsoluteHttp_acceptsOnlyHttpUrlsWithAHost(String url, boolean expected) {
        assertThat(HttpUrls.isAbsoluteHttp(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            https://a.example/x   | true
            http://a.example/x    | true
            HTTPS://A.EXAMPLE/x   | false
            ' https://a.example'  | false
            /jobs/1               | false
            http:/x               | false
            httpbin               | false
            null                  | false
            """)
    void hasHttpPrefix_readsTheTextAsWritten(String text, boolean expected) {
        assertThat(HttpUrls.hasHttpPrefix(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://a.example/x         | true
            HTTP://a.example/x          | true
            ftp://a.example/x           | false
            /relative                   | false
            mailto:jobs@a.example       | false
            """)
    void isHttp_judgesTheSchemeInAnyCase(String uri, boolean expected) {
        assertThat(HttpUrls.isHttp(URI.create(uri))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://a.example/x          | https://a.example:443
            HTTPS://A.Example:443/y      | https://a.example:443
            http://a.example             | http://a.example:80
            http://a.example:8080/x      | http://a.example:8080
            http://[::1]:8080/x          | http://[::1]:8080
            """)
    void origin_makesTheDefaultPortExplicit(String uri, String expected) {
        assertThat(HttpUrls.origin(URI.create(uri))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
            "https://jobs.example/a/b, c, https://jobs.example/a/c",
            "https://jobs.example/a/b, /c?page=2, https://jobs.example/c?page=2",
            "https://jobs.example/a/b, //cdn.example/x, https://cdn.example/x",
            "http://jobs.example/a, https://jobs.example/a, https://jobs.example/a",
            "https://jobs.example/a, /list#top, https://jobs.example/list",
            "https://jobs.example/a, /a%2Fb, https://jobs.example/a%2Fb",
            "https://jobs.example, x, https://jobs.example/x",
            "https://jobs.example/a, /open roles, https://jobs.example/open%20roles",
    })
    void resolveRedirect_followsRfc3986AndDropsTheFragment(String base, String location, String expected) throws URISyntaxException {
        assertThat(HttpUrls.resolveRedirect(URI.create(base), location)).isEqualTo(URI.create(expected));
    }

    /** The page readers' links must resolve exactly as jsoup's public absUrl resolves them (and browsers do). */
    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://acme.example/careers/            | /jobs/1
            https://acme.example/careers/list?page=2 | ?page=3
            https://acme.example/careers/            | ../../a/./b
            https://acme.example/careers/            | ./x
            https://acme.example                     | ../x
            https://acme.example/careers/            | '/x/\u0001y'
            https://acme.example/careers/            | 'tel:+1-555'
            https://acme.example/careers/            | 'weird,scheme:x'
            https://acme.example/careers/            | ':nothing'
            https://user:pw@acme.example/careers/    | jobs/1#apply
            not a url                                | https://acme.example/jobs/1
            not a url                                | /jobs/1
            not a url                                | 'tel:+1-555'
            ''                                       | ''
            """)
    void resolveLink_givesWhatJsoupAbsUrlGives(String base, String link) {
        Element a = Jsoup.parse("<a>x</a>", base).selectFirst("a");
        a.attr("href", link);

        assertThat(HttpUrls.resolveLink(base, link)).isEqualTo(a.absUrl("href"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            manageUrl  | javascript:alert(1)
            feedUrl    | /relative
            """)
    void requireAbsoluteHttp_namesTheField(String field, String url) {
        assertThatThrownBy(() -> HttpUrls.requireAbsoluteHttp(url, field))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(field + " must be an absolute http(s) URL, was " + url);
    }
}
