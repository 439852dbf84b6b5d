package dev.jobalerts.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpHopsTest {

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
    void resolve_followsRfc3986AndDropsTheFragment(String base, String location, String expected) throws URISyntaxException {
        assertThat(HttpHops.resolve(URI.create(base), location)).isEqualTo(URI.create(expected));
    }
}
