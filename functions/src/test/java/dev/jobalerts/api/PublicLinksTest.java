package dev.jobalerts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicLinksTest {

    @ParameterizedTest(name = "{0} | domain={1} host={2} proto={3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            "https://alerts.example.org/, gw.example, api.test,       http,  https://alerts.example.org",
            "null,                        gw.example, localhost:8080, http,  http://gw.example",
            "null,                        gw.example, api.test,       null,  https://gw.example",
            "null,                        null,       localhost:8080, http,  http://localhost:8080",
            "null,                        null,       'evil/\"><x',   http,  http://localhost",
            "null,                        null,       null,           null,  https://localhost",
    })
    void of_prefersPublicBaseUrl_thenApiGatewayDomainName_thenHostHeader(String publicBaseUrl, String domain, String host, String proto, String expected) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (host != null) headers.put("host", host);
        if (proto != null) headers.put("x-forwarded-proto", proto);
        HttpRequest request = new HttpRequest("GET", "/", Map.of(), headers, "", false, "192.0.2.1", domain);
        ApiConfig config = new ApiConfig(publicBaseUrl, ApiConfig.DEFAULT_PER_SOURCE_IP, ApiConfig.DEFAULT_PER_ADDRESS, Clock.systemUTC());

        assertThat(PublicLinks.of(config, request).base()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ftp://x.example", "not a url", "https://x.example/?q=1"})
    void apiConfig_refusesPublicBaseUrlThatIsNotAnHttpUrl(String url) {
        assertThatThrownBy(() -> ApiConfig.defaults(url)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publicBaseUrl");
    }
}
