package io.stride.queries.workouthistory.projection;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stride.queries.workouthistory.store.ReadModels;

/**
 * Enforces the coordinates' 6-month retention (architecture document, data policies): deletes every track whose
 * {@code expires_at} has passed. On real MongoDB the TTL index does the same within about a minute; this purge is
 * what holds the policy where TTL indexes do nothing (the local stand-in, ADR 0002) and bounds a late TTL monitor.
 */
@ApplicationScoped
public class CoordinatePurge {

    private final ReadModels models;
    private final Clock clock;

    CoordinatePurge(ReadModels models, Clock clock) {
        this.models = models;
        this.clock = clock;
    }

    @Scheduled(every = "${workout-history.purge-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /** Deletes the expired tracks now; how many. */
    public Uni<Long> purge() {
        return models.tracks().deleteExpired(clock.instant())
                .invoke(deleted -> {
                    if (deleted > 0) {
                        Log.infof("expired coordinates purged tracks=%d", deleted);
                    }
                });
    }
}
