package io.stride.commands.workouts.application;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.workouts.persistence.IdempotencyKeys;
import io.stride.commands.workouts.persistence.WorkoutEventRepository;
import io.stride.platform.outbox.Outbox;

/**
 * The right to erasure ({@code users.user-erasures}): in one transaction, the athlete's events (every workout of theirs
 * goes with its stream), idempotency keys and outbox rows, published or not, are deleted. The service owns no
 * compacted topic, so it publishes no tombstone; what it published on {@code workouts.workout-events} is sealed with
 * the athlete's telemetry key, which the erasure shreds (ADR 0010). Idempotent: a replayed erasure deletes nothing more.
 */
@ApplicationScoped
public class ErasureService {

    private final WorkoutEventRepository events;
    private final IdempotencyKeys keys;
    private final Outbox outbox;

    public ErasureService(WorkoutEventRepository events, IdempotencyKeys keys, Outbox outbox) {
        this.events = events;
        this.keys = keys;
        this.outbox = outbox;
    }

    /** Deletes everything the service holds on the user. */
    @WithTransaction
    @WithSpan("ErasureService.erase")
    public Uni<Void> erase(UUID userId) {
        return events.deleteAllOf(userId)
                .chain(deletedEvents -> keys.deleteAllOf(userId)
                        .chain(deletedKeys -> outbox.deleteSealedFor(userId.toString())
                                .invoke(deletedRows -> Log.infof("user erased userId=%s events=%d idempotencyKeys=%d "
                                        + "outboxRows=%d", userId, deletedEvents, deletedKeys, deletedRows))))
                .replaceWithVoid();
    }
}
