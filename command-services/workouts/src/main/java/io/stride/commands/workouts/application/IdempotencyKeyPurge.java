package io.stride.commands.workouts.application;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stride.commands.workouts.config.WorkoutsConfig;
import io.stride.commands.workouts.persistence.IdempotencyKeys;

/** Deletes, hourly, the outcomes of idempotent requests older than {@code workouts.idempotency.retention}. */
@ApplicationScoped
class IdempotencyKeyPurge {

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final WorkoutsConfig config;

    IdempotencyKeyPurge(IdempotencyKeys keys, Clock clock, WorkoutsConfig config) {
        this.keys = keys;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @WithTransaction
    Uni<Void> purge() {
        return keys.purge(clock.instant().minus(config.idempotency().retention()))
                .invoke(count -> Log.debugf("idempotency keys purged count=%d", count))
                .replaceWithVoid();
    }
}
