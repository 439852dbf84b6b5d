package dev.jobalerts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentEncodingTest {

    private static final byte[] TEXT = "<p>jobs</p>".getBytes(StandardCharsets.UTF_8);

    @Test
    void decode_whenRawDeflateInsteadOfZlib_stillDecodes() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(raw, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(TEXT);
        }
        assertThat(ContentEncoding.decode(raw.toByteArray(), "deflate", 1000)).isEqualTo(TEXT);
    }

    @Test
    void decode_whenIdentityOrAbsent_returnsBytesAsTheyAre() throws IOException {
        assertThat(ContentEncoding.decode(TEXT, null, 1000)).isSameAs(TEXT);
        assertThat(ContentEncoding.decode(TEXT, "identity", 1000)).isSameAs(TEXT);
    }

    @Test
    void decode_whenExpansionPassesCap_throwsTooLarge() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[100_000]);
        }
        assertThatThrownBy(() -> ContentEncoding.decode(gz.toByteArray(), "gzip", 50_000)).isInstanceOf(ContentEncoding.TooLargeException.class);
    }

    @Test
    void decode_whenEncodingUnknown_fails() {
        assertThatThrownBy(() -> ContentEncoding.decode(TEXT, "br", 1000)).hasMessageContaining("br");
    }
}
