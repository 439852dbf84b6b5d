package dev.jobalerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback",
            "127.8.9.10, loopback",
            "10.1.2.3, private",
            "172.16.0.1, private",
            "172.31.255.255, private",
            "192.168.1.1, private",
            "169.254.169.254, link-local",
            "0.0.0.0, any-local",
            "0.1.2.3, this-network",
            "100.64.0.1, shared (carrier NAT)",
            "224.0.0.1, multicast",
            "255.255.255.255, reserved",
            "::1, loopback",
            "::, any-local",
            "fe80::1, link-local",
            "fc00::1, private",
            "fd12:3456::1, private",
            "ff02::1, multicast",
            "::ffff:127.0.0.1, loopback",
            "::ffff:10.0.0.1, private",
            "::ffff:169.254.169.254, link-local",
            "64:ff9b::a9fe:a9fe, link-local",
    })
    void nonPublicKind_namesTheReservedRange(String literal, String kind) throws UnknownHostException {
        assertThat(AddressGuard.nonPublicKind(InetAddress.getByName(literal))).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888", "2a00:1450::1"})
    void nonPublicKind_whenPublic_returnsNull(String literal) throws UnknownHostException {
        assertThat(AddressGuard.nonPublicKind(InetAddress.getByName(literal))).isNull();
    }

    @Test
    void nonPublicKind_whenIpv4MappedArrivesAsIpv6Bytes_stillSeesTheIpv4Address() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 0, 0, 1};
        byte[] compatible = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1};

        assertThat(AddressGuard.nonPublicKind(Inet6Address.getByAddress(null, mapped, -1))).isEqualTo("private");
        assertThat(AddressGuard.nonPublicKind(Inet6Address.getByAddress(null, compatible, -1))).isEqualTo("loopback");
    }

    @Test
    void check_whenAnyResolvedAddressIsPrivate_refuses() throws UnknownHostException {
        InetAddress[] mixed = {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")};
        AddressGuard guard = new AddressGuard(false, host -> mixed);

        assertThat(guard.check(URI.create("https://jobs.example/list"))).isInstanceOfSatisfying(AddressGuard.Verdict.Refused.class,
                r -> assertThat(r.reason()).contains("10.0.0.5"));
    }

    @Test
    void check_whenHostIsBracketedIpv6Literal_refusesLoopback() {
        assertThat(new AddressGuard(false).check(URI.create("http://[::1]:8080/"))).isInstanceOf(AddressGuard.Verdict.Refused.class);
    }

    @Test
    void check_whenHostDoesNotResolve_isUnresolvableNotRefused() {
        AddressGuard guard = new AddressGuard(false, host -> {
            throw new UnknownHostException(host);
        });

        assertThat(guard.check(URI.create("https://gone.example/"))).isInstanceOf(AddressGuard.Verdict.Unresolvable.class);
    }

    @Test
    void check_whenPrivateAllowed_stillRefusesOtherSchemes() {
        AddressGuard guard = new AddressGuard(true);

        assertThat(guard.check(URI.create("http://127.0.0.1/"))).isInstanceOf(AddressGuard.Verdict.Allowed.class);
        assertThat(guard.check(URI.create("gopher://127.0.0.1/"))).isInstanceOf(AddressGuard.Verdict.Refused.class);
    }
}
