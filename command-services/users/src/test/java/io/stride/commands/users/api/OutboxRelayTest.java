package io.stride.commands.users.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stride.platform.http.KafkaCorrelation;
import io.stride.platform.outbox.AvroPayloads;
import io.stride.platform.outbox.OutboxRelay;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackResource;
import io.stride.testing.TopicFollower;

/**
 * Rows committed by another transaction than the app's own use cases (another instance, or one that crashed before
 * publishing) are published in order and marked, woken by the commit's notification.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class OutboxRelayTest {

    private static TopicFollower<DeviceCredential> topic;

    @Inject
    OutboxRelay relay;

    @BeforeAll
    static void openTopic() {
        topic = new TopicFollower<>(Topics.DEVICE_CREDENTIALS);
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    private static void execute(String sql, Object... parameters) throws SQLException {
        Map<String, String> devstack = Devstack.addresses();
        try (Connection connection = DriverManager.getConnection(devstack.get(Devstack.POSTGRES_JDBC_URL),
                devstack.get(Devstack.POSTGRES_USER), devstack.get(Devstack.POSTGRES_PASSWORD));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static void insert(String key, DeviceCredential record, String correlationId) throws SQLException {
        Map<String, String> devstack = Devstack.addresses();
        try (Connection connection = DriverManager.getConnection(devstack.get(Devstack.POSTGRES_JDBC_URL),
                devstack.get(Devstack.POSTGRES_USER), devstack.get(Devstack.POSTGRES_PASSWORD));
                PreparedStatement insert = connection.prepareStatement("insert into users.outbox "
                        + "(topic, record_key, schema_name, payload, correlation_id, created_at) "
                        + "values (?, ?, ?, ?, ?, now())")) {
            insert.setString(1, Topics.DEVICE_CREDENTIALS);
            insert.setString(2, key);
            insert.setString(3, record == null ? null : record.getSchema().getFullName());
            insert.setBytes(4, record == null ? null : AvroPayloads.encode(record));
            insert.setString(5, correlationId);
            insert.executeUpdate();
        }
    }

    private static DeviceCredential credential(String deviceId, Instant revokedAt) {
        return DeviceCredential.newBuilder()
                .setDeviceId(deviceId)
                .setUserId(UUID.randomUUID())
                .setSecretSha256("0".repeat(64))
                .setModel(null)
                .setRegisteredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setRevokedAt(revokedAt)
                .build();
    }

    @Test
    void shouldPublishInOrderAndMarkRowsWhenAnotherTransactionCommitsThem() throws SQLException {
        // given
        String deviceId = UUID.randomUUID().toString();
        String correlationId = "outbox-test-" + UUID.randomUUID();
        DeviceCredential registered = credential(deviceId, null);
        DeviceCredential revoked = credential(deviceId, Instant.now().truncatedTo(ChronoUnit.MILLIS));

        // when
        insert(deviceId, registered, correlationId);
        insert(deviceId, revoked, correlationId);
        insert(deviceId, null, correlationId);

        // then
        List<ConsumerRecord<String, DeviceCredential>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> topic.recordsOf(deviceId), found -> found.size() == 3);
        assertThat(records.get(0).value()).isEqualTo(registered);
        assertThat(records.get(1).value()).isEqualTo(revoked);
        assertThat(records.get(2).value()).isNull();
        assertThat(new String(records.get(0).headers().lastHeader(KafkaCorrelation.HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo(correlationId);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestClients.query("select published_at from users.outbox where record_key = ?", deviceId)
                        .stream()
                        .allMatch(row -> row.get("published_at") != null));
    }

    @Test
    void shouldDeletePublishedRowsWhenTheyAreOlderThanTheRetention() throws SQLException {
        // given
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        execute("insert into users.outbox (topic, record_key, created_at, published_at) "
                + "values (?, ?, now() - interval '9 days', now() - interval '8 days')", Topics.DEVICE_CREDENTIALS,
                old);
        execute("insert into users.outbox (topic, record_key, created_at, published_at) "
                + "values (?, ?, now() - interval '2 days', now() - interval '1 day')", Topics.DEVICE_CREDENTIALS,
                recent);

        // when
        int purged = relay.purge().await().atMost(Duration.ofSeconds(10));

        // then
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(TestClients.query("select 1 from users.outbox where record_key = ?", old)).isEmpty();
        assertThat(TestClients.query("select 1 from users.outbox where record_key = ?", recent)).hasSize(1);
    }
}
