package dev.jobalerts.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** DynamoDB Local under the local cloud answers on loopback only: nobody else on the network reads subscribers. */
class LocalDynamoIT {

    @Test
    void start_listensOnLoopbackOnly() throws IOException {
        Optional<InetAddress> lan = nonLoopbackAddress();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to try");
        try (LocalDynamo dynamo = LocalDynamo.start(0)) {
            int port = URI.create(dynamo.endpoint()).getPort();
            assertThat(dynamo.client().listTables().tableNames()).isNotNull();
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
            assertThatThrownBy(() -> {
                try (Socket outside = new Socket()) {
                    outside.connect(new InetSocketAddress(lan.get(), port), 2_000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress address : Collections.list(nic.getInetAddresses()))
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) return Optional.of(address);
        }
        return Optional.empty();
    }
}
