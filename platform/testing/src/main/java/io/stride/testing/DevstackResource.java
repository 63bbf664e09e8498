package io.stride.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Hands the devstack's addresses to a {@code @QuarkusTest} as configuration: {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code APICURIO_REGISTRY_URL}, {@code POSTGRES_*}, {@code REDIS_URL}, {@code MONGODB_CONNECTION_STRING},
 * {@code CLICKHOUSE_JDBC_URL}..., which the app's {@code application.properties} references
 * ({@code kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS}}).
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(DevstackResource.class)
 * class WorkoutResourceTest { ... }
 * </pre>
 *
 * One devstack serves the whole test JVM (see {@link Devstack}); {@link #stop()} leaves it running for the next test
 * class. Tests isolate themselves by unique topic names, keys or schemas.
 */
public class DevstackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Devstack.addresses();
    }

    @Override
    public void stop() {
        // The devstack is shared by every test of this JVM and stopped when the JVM exits.
    }
}
