package dev.jobalerts.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the gzip/deflate Content-Encoding we advertise in Accept-Encoding (RFC 9110 §8.4.1), never producing
 * more than {@code cap} bytes so a small compressed "zip bomb" cannot exhaust the Lambda's memory.
 */
final class ContentEncoding {
    private ContentEncoding() {}

    /** Thrown when decoding would exceed the cap. */
    static final class TooLargeException extends IOException {
        TooLargeException(long cap) {
            super("decoded body over " + cap + " bytes");
        }
    }

    static byte[] decode(byte[] raw, String contentEncoding, long cap) throws IOException {
        String coding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        switch (coding) {
            case "", "identity":
                return raw;
            case "gzip", "x-gzip":
                return readCapped(new GZIPInputStream(new ByteArrayInputStream(raw)), cap);
            case "deflate":
                // RFC 9110 says "deflate" is the zlib format (RFC 1950), but some servers send raw DEFLATE (RFC 1951).
                try {
                    return readCapped(new InflaterInputStream(new ByteArrayInputStream(raw)), cap);
                } catch (TooLargeException e) {
                    throw e;
                } catch (IOException notZlib) {
                    return readCapped(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)), cap);
                }
            default:
                throw new IOException("unsupported Content-Encoding " + contentEncoding);
        }
    }

    private static byte[] readCapped(InputStream in, long cap) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > cap) throw new TooLargeException(cap);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
