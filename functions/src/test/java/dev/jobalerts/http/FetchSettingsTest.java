package dev.jobalerts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchSettingsTest {

    @Test
    void defaults_areProductionSafe() {
        FetchSettings d = FetchSettings.defaults();

        assertThat(d.allowPrivateAddresses()).isFalse();
        assertThat(d.userAgent()).isEqualTo("jobalerts/1.0 (+https://github.com/jobalerts/jobalerts)");
        assertThat(d.maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(d.maxRedirects()).isEqualTo(5);
        assertThat(d.defaultDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.allowingPrivateAddresses()).isEqualTo(new FetchSettings(d.userAgent(), d.connectTimeout(), d.readTimeout(),
                d.maxBodyBytes(), d.maxRedirects(), d.maxAttempts(), d.defaultDelay(), true));
    }

    @Test
    void productToken_isTheLowercasedNameBeforeTheVersion() {
        assertThat(FetchSettings.defaults().productToken()).isEqualTo("jobalerts");
        assertThat(new FetchSettings("JobAlertsBot", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 0, 1, Duration.ZERO, false)
                .productToken()).isEqualTo("jobalertsbot");
    }

    @Test
    void constructor_whenValueIsInvalid_namesTheField() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new FetchSettings(" ", s, s, 1, 0, 1, s, false)).hasMessageContaining("userAgent");
        assertThatThrownBy(() -> new FetchSettings("ua", Duration.ZERO, s, 1, 0, 1, s, false)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new FetchSettings("ua", s, null, 1, 0, 1, s, false)).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> new FetchSettings("ua", s, s, 0, 0, 1, s, false)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> new FetchSettings("ua", s, s, 1, -1, 1, s, false)).hasMessageContaining("maxRedirects");
        assertThatThrownBy(() -> new FetchSettings("ua", s, s, 1, 0, 0, s, false)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new FetchSettings("ua", s, s, 1, 0, 1, s.negated(), false)).hasMessageContaining("defaultDelay");
    }

    @Test
    void fetchRequest_whenInvalid_namesTheField() {
        URI url = URI.create("https://jobs.example/");
        assertThatThrownBy(() -> FetchRequest.of("", url)).hasMessageContaining("sourceId");
        assertThatThrownBy(() -> FetchRequest.of("s", null)).hasMessageContaining("url");
        assertThatThrownBy(() -> new FetchRequest("s", url, null, null, Duration.ofSeconds(-1))).hasMessageContaining("minDelay");
        assertThat(new FetchRequest("s", url, " ", "", null)).isEqualTo(FetchRequest.of("s", url));
    }
}
