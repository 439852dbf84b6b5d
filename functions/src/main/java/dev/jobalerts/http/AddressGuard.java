package dev.jobalerts.http;

import dev.jobalerts.url.HttpUrls;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The SSRF guard: a source URL (or any redirect hop) must be http(s) and every address its host resolves to
 * must be public. Otherwise a subscriber-supplied or hijacked source could make the Lambda read the instance
 * metadata service (169.254.169.254), a VPC-internal admin page or localhost.
 *
 * <p>Every resolved address is checked, not just the first, so a name that mixes public and private
 * records is refused. The HTTP client resolves the name again when it connects; a DNS-rebinding attacker
 * with a zero TTL could still slip between the two lookups (the JDK client offers no hook to pin the
 * address), which the JVM's positive DNS cache (30 s by default) narrows but does not close.
 */
class AddressGuard {

    /** Resolves a host name; a seam for tests that need a "public" name pointing at a loopback server. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Whether a URL may be fetched; an unresolvable host is a network error worth retrying, not a refusal. */
    sealed interface Verdict {
        record Allowed() implements Verdict {}
        record Refused(String reason) implements Verdict {}
        record Unresolvable(String reason) implements Verdict {}
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    AddressGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    AddressGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    /** Blocks on DNS; call off the scheduling threads. */
    Verdict check(URI url) {
        if (!HttpUrls.isHttp(url)) return new Verdict.Refused("scheme not allowed: " + url.getScheme());
        String host = url.getHost();
        if (host == null || host.isEmpty()) return new Verdict.Refused("URL has no host: " + url);
        if (allowPrivate) return new Verdict.Allowed();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return new Verdict.Unresolvable("unknown host " + host);
        }
        for (InetAddress address : addresses) {
            String kind = nonPublicKind(address);
            if (kind != null) return new Verdict.Refused(host + " resolves to " + kind + " address " + address.getHostAddress());
        }
        return new Verdict.Allowed();
    }

    /** Names the reserved range {@code address} is in, or null for a public address. */
    static String nonPublicKind(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) return nonPublicKind(embedded);
            // fc00::/7 unique local (RFC 4193) is IPv6's private range; InetAddress has no predicate for it.
            if ((b[0] & 0xFE) == 0xFC) return "private";
        }
        if (address.isAnyLocalAddress()) return "any-local";
        if (address.isLoopbackAddress()) return "loopback";
        if (address.isLinkLocalAddress()) return "link-local";
        if (address.isSiteLocalAddress()) return "private";
        if (address.isMulticastAddress()) return "multicast";
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 0) return "this-network"; // 0.0.0.0/8, RFC 1122 §3.2.1.3
            if (first == 100 && second >= 64 && second < 128) return "shared (carrier NAT)"; // 100.64.0.0/10, RFC 6598
            if (first >= 240) return "reserved"; // 240.0.0.0/4 and broadcast, RFC 1112
        }
        return null;
    }

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64
     * (64:ff9b::a.b.c.d, RFC 6052) IPv6 address, which reach the IPv4 host; null otherwise. Java already turns
     * textual IPv4-mapped literals into Inet4Address, but a resolver may still hand them over as bytes.
     */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) zeroPrefix &= b[i] == 0;
        boolean mapped = zeroPrefix && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
        for (int i = 4; nat64 && i < 12; i++) nat64 = b[i] == 0;
        if (!mapped && !compatible && !nat64) return null;
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
