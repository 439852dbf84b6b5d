package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlResolverTest {
    /** Every case must give exactly what jsoup's absUrl gives, since the resolver only saves re-parsing the base. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://acme.example/careers/|/jobs/1",
            "https://acme.example/careers/|jobs/1?x=1#top",
            "https://acme.example/careers/list?page=2|?page=3",
            "https://acme.example/careers/|../../a/./b",
            "https://acme.example/careers/|https://other.example/x",
            "https://acme.example/careers/|''",
            "https://acme.example/careers/|'  /padded '",
            "https://acme.example/careers/|mailto:jobs@acme.example",
            "https://acme.example/careers/|//cdn.example/img.png",
            "https://acme.example/careers/|'/tab\tin/path'",
            "not a url|/jobs/1",
            "not a url|https://acme.example/jobs/1",
            "''|/jobs/1",
            "https://acme.example/careers/|'javascript:apply()'",
            "https://xn--bcher-kva.example/|jobs",
            "https://acme.example/careers|/jobs/1",
            "https://acme.example/careers|/",
            "https://acme.example/careers|/jobs/1?x=1&y=/2",
            "https://acme.example/careers|/jobs?next=/./x",
            "https://acme.example/careers|/a/./b",
            "https://acme.example/careers|/a/../b",
            "https://acme.example/careers|/../b",
            "https://acme.example/careers|/.well-known/x",
            "https://acme.example/careers|/a#b",
            "https://acme.example/careers|'/a b'",
            "https://acme.example/careers|/a\\b",
            "https://acme.example/careers|//cdn.example/x",
            "https://acme.example/careers|/a:b",
            "https://acme.example/careers|/%7Efoo",
            "https://acme.example/careers|/ünicode",
            "https://acme.example/careers|/a?b?c",
            "https://user:pw@Acme.Example:443/careers|/jobs/1",
            "http://acme.example:80/careers|/jobs/1",
            "http://acme.example:8080/careers|/jobs/1",
            "http://[::1]:8080/careers|/jobs/1",
            "http://[::1]/careers|/jobs/1",
            "HTTPS://ACME.EXAMPLE/careers|/jobs/1",
            "ftp://acme.example/careers|/jobs/1",
            "file:/tmp/page.html|/jobs/1",
    })
    void absUrl_returnsWhatJsoupAbsUrlReturns(String base, String href) {
        Document doc = Jsoup.parse("<a>x</a>", base);
        Element a = doc.selectFirst("a");
        a.attr("href", href);

        assertThat(new UrlResolver(doc.baseUri()).absUrl(a, "href")).isEqualTo(a.absUrl("href"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/jobs/1|true", "/|true", "/a?b=/c|true", "//x|false", "/a/./b|false", "/a#b|false", "jobs|false", "''|false"})
    void isPlainRootPath_acceptsOnlyPathsUrlKeepsVerbatim(String path, boolean plain) {
        assertThat(UrlResolver.isPlainRootPath(path)).isEqualTo(plain);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"https://acme.example/|src", "''|src"})
    void absUrl_whenAttributeAbsent_returnsEmpty(String base, String attribute) {
        Element img = Jsoup.parse("<img>", base).selectFirst("img");

        assertThat(new UrlResolver(base).absUrl(img, attribute)).isEqualTo(img.absUrl(attribute)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"https://acme.example/a/|<base href='https://cdn.example/b/'><a href=c>x</a>"})
    void absUrl_whenPageHasBaseElement_resolvesAgainstIt(String url, String html) {
        Document doc = Jsoup.parse(html, url);
        Element a = doc.selectFirst("a");

        assertThat(new UrlResolver(doc.baseUri()).absUrl(a, "href")).isEqualTo(a.absUrl("href"));
        assertThat(a.absUrl("href")).isEqualTo("https://cdn.example/b/c");
    }
}
