package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void shouldUseTheDocumentedPortsWhenDev() {
        assertThat(Ports.dev()).isEqualTo(new Ports(19092, 19093, 18081, 15432, 16379, 17017, 18123, 10025,
                10143));
    }

    @Test
    void shouldPickNineDistinctFreePortsWhenRandom() {
        // when
        Ports ports = Ports.random();

        // then
        assertThat(ports.byServer().values()).hasSize(9).doesNotHaveDuplicates().allMatch(port -> port > 1024);
        ports.requireFree();
    }

    @Test
    void shouldNameTheServerWhenItsPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.HOST))) {
            // given
            Ports random = Ports.random();
            Ports ports = new Ports(random.kafka(), random.kafkaController(), random.apicurio(), taken.getLocalPort(),
                    random.redis(), random.mongo(), random.clickhouse(), random.smtp(), random.imap());

            // when / then
            assertThatThrownBy(ports::requireFree)
                    .hasMessageContaining("port " + taken.getLocalPort() + " for postgres is already in use");
        }
    }
}
