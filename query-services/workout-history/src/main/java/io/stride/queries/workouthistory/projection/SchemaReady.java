package io.stride.queries.workouthistory.projection;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.queries.workouthistory.store.ReadModels;

/**
 * The served generation's indexes and ClickHouse schema, created once (idempotently) before the first batch is
 * applied; retried with back-off while a store does not answer.
 */
@ApplicationScoped
class SchemaReady {

    private final Uni<Void> ready;

    SchemaReady(ReadModels models) {
        this.ready = models.ensureSchema()
                .onFailure().invoke(failure -> Log.warnf("read model schema not created yet generation=%s: %s",
                        models.generation(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(15)).indefinitely()
                .invoke(() -> Log.infof("read model schema ready generation=%s", models.generation()))
                .memoize().indefinitely();
    }

    /** Completes once the schema exists. */
    Uni<Void> ready() {
        return ready;
    }
}
