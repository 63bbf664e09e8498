package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void shouldConfigureSingleNodeKraftOnLoopbackWhenRenderingServerProperties() {
        // when
        Map<String, String> properties = KafkaBroker.serverProperties(Ports.dev(), Path.of("/d/data/kafka"));

        // then
        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("log.dirs", "/d/data/kafka")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
        assertThat(KafkaBroker.render(properties)).contains("\nnode.id=1\n").endsWith("\n");
    }
}
