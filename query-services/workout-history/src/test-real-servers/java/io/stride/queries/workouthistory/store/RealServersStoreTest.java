package io.stride.queries.workouthistory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import com.mongodb.reactivestreams.client.MongoClients;

import io.quarkus.mongodb.impl.ReactiveMongoClientImpl;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.stride.queries.workouthistory.mapping.TrackSample;

/**
 * The same repository tests as {@link DevstackStoreTest}, against real MongoDB and ClickHouse servers started by
 * Testcontainers (profile {@code real-servers}), plus what only a real MongoDB does: the TTL index expiring a track
 * by itself. Where no Docker engine answers, every test is reported skipped with the reason.
 */
class RealServersStoreTest extends StoreContract {

    static final String MONGO_IMAGE = "mongo:7.0";
    static final String CLICKHOUSE_IMAGE = "clickhouse/clickhouse-server:24.8";

    private static MongoDBContainer mongoServer;
    private static ClickHouseContainer clickhouseServer;
    private static ReactiveMongoClient mongo;
    private static ClickHouseConnections clickhouse;
    private static ReadModels models;

    @BeforeAll
    static void startServers() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            System.out.println("[real-servers] SKIPPED: no Docker engine answers here, so the repository tests cannot "
                    + "run against real MongoDB (" + MONGO_IMAGE + ") and ClickHouse (" + CLICKHOUSE_IMAGE + ") "
                    + "servers; they ran against the devstack's stand-ins (DevstackStoreTest)");
        }
        Assumptions.assumeTrue(docker, "skipped for want of a Docker engine: Testcontainers found none");
        mongoServer = new MongoDBContainer(MONGO_IMAGE);
        clickhouseServer = new ClickHouseContainer(CLICKHOUSE_IMAGE);
        mongoServer.start();
        clickhouseServer.start();
        mongo = new ReactiveMongoClientImpl(MongoClients.create(mongoServer.getConnectionString()));
        clickhouse = new ClickHouseConnections("jdbc:clickhouse:http://" + clickhouseServer.getHost() + ":"
                + clickhouseServer.getMappedPort(8123) + "/default?compress=false", clickhouseServer.getUsername(),
                clickhouseServer.getPassword(), 2, Duration.ofSeconds(10));
        models = ReadModels.of("real_servers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8), mongo,
                clickhouse, StoreContract.SEALING, Optional.empty());
        models.ensureSchema().await().atMost(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopServers() {
        if (clickhouse != null) {
            clickhouse.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (clickhouseServer != null) {
            clickhouseServer.stop();
        }
        if (mongoServer != null) {
            mongoServer.stop();
        }
    }

    @Override
    protected ReadModels models() {
        return models;
    }

    @Test
    void shouldExpireATrackByItselfWhenItsTimeHasComeOnRealMongo() {
        // given: a track that expired a moment ago (MongoDB's TTL monitor runs every 60 s)
        TrackDocument track = new TrackDocument(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                Instant.now(), Instant.now().minusSeconds(1), List.of(new TrackSample(0, 1.0, 2.0, null, null, 0,
                        null, true)), true, "e");
        models.tracks().put(List.of(track)).await().atMost(Duration.ofSeconds(30));

        // then: gone without the app's purge
        await("TTL expiry").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5))
                .until(() -> models.tracks().find(track.workoutId()).await().atMost(Duration.ofSeconds(30))
                        .isEmpty());
        assertThat(models.tracks().find(track.workoutId()).await().atMost(Duration.ofSeconds(30))).isEmpty();
    }
}
