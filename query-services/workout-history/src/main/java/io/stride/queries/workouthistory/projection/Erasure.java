package io.stride.queries.workouthistory.projection;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.stride.queries.workouthistory.store.ReadModels;
import io.stride.queries.workouthistory.store.StoreUnavailable;

/**
 * Deletes everything of an athlete from one generation of the read models: records the athlete as erased (so that
 * their events, replayed or late, are never applied again), deletes their workouts and tracks (MongoDB) and their
 * analytics rows (ClickHouse, physically: a mutation waited for), then replaces their cached summaries and drops
 * their cached statistics (Redis).
 */
@ApplicationScoped
public class Erasure {

    /** Erases the athlete; the number of workouts deleted. */
    public Uni<Integer> erase(ReadModels models, String userId) {
        return models.workouts().eraseUser(userId)
                .call(workoutIds -> models.tracks().deleteByUser(userId))
                .call(workoutIds -> Uni.createFrom().item(() -> {
                            try {
                                models.stats().eraseUser(userId);
                                return null;
                            } catch (SQLException e) {
                                throw new StoreUnavailable("ClickHouse", e);
                            }
                        })
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .call(workoutIds -> models.cache()
                        .map(cache -> cache.erase(userId, workoutIds))
                        .orElseGet(() -> Uni.createFrom().voidItem()))
                .map(workoutIds -> workoutIds.size());
    }
}
