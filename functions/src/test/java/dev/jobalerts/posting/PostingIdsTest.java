package dev.jobalerts.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostingIdsTest {

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
    void canonicalUrl_normalisesWhatDoesNotChangeThePosting(String url, String expected) {
        assertThat(PostingIds.canonicalUrl(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://jobs.example.com/a/1?utm_source=rss     | https://jobs.example.com/a/1?utm_source=mail#top
            https://Jobs.example.com/a/1?b=2&a=1            | https://jobs.example.com:443/a/1?a=1&b=2
            """)
    void canonicalUrl_whenOnlyTrackingOrOrderDiffers_givesTheSameId(String first, String second) {
        assertThat(PostingIds.canonicalUrl(first)).isEqualTo(PostingIds.canonicalUrl(second));
    }
}
