package io.stride.queries.workouthistory.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.mongodb.reactivestreams.client.MongoClients;

import io.quarkus.mongodb.impl.ReactiveMongoClientImpl;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.stride.testing.Devstack;

/** The repositories against the devstack: the MongoDB stand-in and the ClickHouse stand-in (the real engine). */
class DevstackStoreTest extends StoreContract {

    private static ReactiveMongoClient mongo;
    private static ClickHouseConnections clickhouse;
    private static ReadModels models;

    @BeforeAll
    static void connect() {
        Map<String, String> devstack = Devstack.addresses();
        mongo = new ReactiveMongoClientImpl(MongoClients.create(devstack.get(Devstack.MONGODB_CONNECTION_STRING)));
        clickhouse = new ClickHouseConnections(devstack.get(Devstack.CLICKHOUSE_JDBC_URL), "default", "", 2,
                Duration.ofSeconds(10));
        models = ReadModels.of("store_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10), mongo,
                clickhouse, StoreContract.SEALING, Optional.empty());
        models.ensureSchema().await().atMost(Duration.ofSeconds(60));
    }

    @AfterAll
    static void drop() {
        models.drop().await().atMost(Duration.ofSeconds(60));
        clickhouse.close();
        mongo.close();
    }

    @Override
    protected ReadModels models() {
        return models;
    }
}
