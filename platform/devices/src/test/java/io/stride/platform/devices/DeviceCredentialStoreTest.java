package io.stride.platform.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;

/** The store against the real devstack's Kafka and registry, without Quarkus. */
class DeviceCredentialStoreTest {

    private static final String HASH = HexFormat.of().formatHex(new byte[32]);

    private static DeviceCredential credential(String deviceId, UUID user, Instant revokedAt) {
        return DeviceCredential.newBuilder()
                .setDeviceId(deviceId)
                .setUserId(user)
                .setSecretSha256(HASH)
                .setRegisteredAt(Instant.now())
                .setRevokedAt(revokedAt)
                .build();
    }

    private static void publish(String key, DeviceCredential value) {
        DevstackKafka.publish(Topics.DEVICE_CREDENTIALS, key, value);
    }

    private static DeviceCredentialStore store() {
        Map<String, String> addresses = Devstack.addresses();
        return new DeviceCredentialStore(addresses.get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                addresses.get(Devstack.APICURIO_REGISTRY_URL), new SimpleMeterRegistry(), "devices");
    }

    @Test
    void shouldHoldEveryCredentialPublishedBeforeItStartedWhenItReportsCaughtUp() throws Exception {
        // given: before the start, a valid device, a revoked one and a removed one
        UUID user = UUID.randomUUID();
        String valid = UUID.randomUUID().toString();
        String revoked = UUID.randomUUID().toString();
        String removed = UUID.randomUUID().toString();
        publish(valid, credential(valid, user, null));
        publish(revoked, credential(revoked, user, null));
        publish(revoked, credential(revoked, user, Instant.now()));
        publish(removed, credential(removed, user, null));
        publish(removed, null);
        DeviceCredentialStore store = store();
        assertThat(store.caughtUp()).isFalse();

        // when
        store.start(null);
        try {
            await("caught up").atMost(Duration.ofSeconds(30)).until(store::caughtUp);

            // then: nothing published before the start is missing once it says so
            assertThat(store.find(valid)).hasValueSatisfying(device -> {
                assertThat(device.userId()).isEqualTo(user);
                assertThat(device.revoked()).isFalse();
                assertThat(device.secretSha256()).hasSize(32);
            });
            assertThat(store.find(revoked)).hasValueSatisfying(device -> assertThat(device.revoked()).isTrue());
            assertThat(store.find(removed)).isEmpty();
            assertThat(store.size()).isGreaterThanOrEqualTo(2);
            await("lag measured").atMost(Duration.ofSeconds(10)).until(() -> store.lag() == 0);
        } finally {
            store.stop(null);
        }
    }
}
