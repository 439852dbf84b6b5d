package dev.jobalerts.local.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmtpServerTest {
    @Test
    void parse_readsSchemePortsAndPercentEncodedLogin() {
        assertThat(SmtpServer.parse("smtp://mail.example.com", Map.of())).isEqualTo(new SmtpServer("mail.example.com", 587, false, null, null));
        assertThat(SmtpServer.parse("smtps://mail.example.com", Map.of())).isEqualTo(new SmtpServer("mail.example.com", 465, true, null, null));
        assertThat(SmtpServer.parse("smtp://me%40example.com:p%3Ass+w@127.0.0.1:2525", Map.of()))
                .isEqualTo(new SmtpServer("127.0.0.1", 2525, false, "me@example.com", "p:ss+w"));
    }

    @Test
    void parse_takesThePasswordFromTheEnvironment_onlyWhenTheUrlHasNone() {
        Map<String, String> env = Map.of(SmtpServer.PASSWORD_VARIABLE, "from-env");
        assertThat(SmtpServer.parse("smtp://me@mail.example.com:587", env).password()).isEqualTo("from-env");
        assertThat(SmtpServer.parse("smtp://me:in-url@mail.example.com:587", env).password()).isEqualTo("in-url");
        assertThatThrownBy(() -> SmtpServer.parse("smtp://me@mail.example.com:587", Map.of()))
                .hasMessageContaining(SmtpServer.PASSWORD_VARIABLE);
    }

    @Test
    void toString_andErrors_neverShowThePassword() {
        assertThat(SmtpServer.parse("smtp://me:secret@mail.example.com:587", Map.of())).hasToString("smtp://me@mail.example.com:587");
        assertThatThrownBy(() -> SmtpServer.parse("http://me:secret@mail.example.com:587", Map.of()))
                .hasMessageContaining("smtp://").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> SmtpServer.parse("smtp://me:secret@mail.example.com:587/path", Map.of()))
                .hasMessageContaining("no path").hasMessageNotContaining("secret");
    }

    @Test
    void parse_refusesWhatIsNoSmtpServer() {
        assertThatThrownBy(() -> SmtpServer.parse("mail.example.com:587", Map.of())).hasMessageContaining("smtp://");
        assertThatThrownBy(() -> SmtpServer.parse("smtp://:587", Map.of())).hasMessageContaining("host");
        assertThatThrownBy(() -> SmtpServer.parse("smtp://mail.example.com:99999", Map.of())).hasMessageContaining("port");
    }
}
