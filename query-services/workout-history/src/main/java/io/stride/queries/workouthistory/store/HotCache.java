package io.stride.queries.workouthistory.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Hot summaries and statistics in Redis (JSON as the API answers it), shared by every instance. Entries are
 * invalidated by the projection, never incremented, so a re-delivered event cannot count twice:
 * <ul>
 *   <li>{@code workout-history:summary:<workout id>}: the summary. The projection overwrites it with the new summary
 *   after each change (write-through); a reader that missed fills it only if absent ({@code SET NX}), so a reader
 *   holding an older summary can never overwrite a newer one. TTL {@code summaryTtl}. An erasure overwrites it with
 *   {@link #ERASED} for the TTL, so that no reader refills it with what it read before the erasure.</li>
 *   <li>{@code workout-history:stats:<user id>}: a hash of the athlete's statistics answers by variant (weeks, sport,
 *   week), each stored with the stamp it was computed under, and the field {@code _stamp}. The projection sets a new
 *   stamp (a random id) after each change to the athlete's analytics; an answer whose stamp differs from the current
 *   one is stale and computed again. TTL {@code statsTtl}, renewed by each write. An erasure deletes the hash.</li>
 * </ul>
 */
public final class HotCache {

    /** The summary key's value after an erasure. */
    public static final String ERASED = "erased";
    static final String STAMP_FIELD = "_stamp";
    private static final String SEPARATOR = "\n";

    private final Redis redis;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveKeyCommands<String> keys;
    private final String prefix;
    private final Duration summaryTtl;
    private final Duration statsTtl;

    /**
     * @param prefix key prefix, {@code workout-history}
     */
    public static HotCache of(ReactiveRedisDataSource redis, String prefix, Duration summaryTtl, Duration statsTtl) {
        return new HotCache(redis, prefix, summaryTtl, statsTtl);
    }

    private HotCache(ReactiveRedisDataSource redis, String prefix, Duration summaryTtl, Duration statsTtl) {
        this.redis = redis.getRedis();
        this.values = redis.value(String.class);
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
        this.prefix = prefix;
        this.summaryTtl = summaryTtl;
        this.statsTtl = statsTtl;
    }

    String summaryKey(String workoutId) {
        return prefix + ":summary:" + workoutId;
    }

    String statsKey(String userId) {
        return prefix + ":stats:" + userId;
    }

    /** A cached summary ({@link #ERASED} after an erasure). */
    public Uni<Optional<String>> summary(String workoutId) {
        return values.get(summaryKey(workoutId))
                .map(Optional::ofNullable);
    }

    /** The projection's write-through of new summaries: one pipelined round trip for the whole batch. */
    public Uni<Void> putSummaries(Map<String, String> summariesByWorkout) {
        if (summariesByWorkout.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Request> commands = new ArrayList<>(summariesByWorkout.size());
        summariesByWorkout.forEach((workoutId, summary) -> commands.add(Request.cmd(Command.SET)
                .arg(summaryKey(workoutId)).arg(summary).arg("EX").arg(summaryTtl.toSeconds())));
        return redis.batch(commands).replaceWithVoid();
    }

    /** A reader's fill after a miss: only if no newer summary arrived meanwhile. */
    public Uni<Void> fillSummary(String workoutId, String summary) {
        return values.set(summaryKey(workoutId), summary, new SetArgs().nx().ex(summaryTtl));
    }

    /** Erasure: each summary is replaced by {@link #ERASED} for the TTL; the athlete's statistics are deleted. */
    public Uni<Void> erase(String userId, Collection<String> workoutIds) {
        Map<String, String> erased = new HashMap<>();
        workoutIds.forEach(id -> erased.put(id, ERASED));
        return putSummaries(erased)
                .chain(() -> keys.del(statsKey(userId)))
                .replaceWithVoid();
    }

    /** A cached statistics answer, if computed under the current stamp. */
    public Uni<Optional<String>> stats(String userId, String variant) {
        return hashes.hmget(statsKey(userId), STAMP_FIELD, variant)
                .map(fields -> {
                    String stamp = fields.get(STAMP_FIELD);
                    String entry = fields.get(variant);
                    if (entry == null) {
                        return Optional.empty();
                    }
                    int split = entry.indexOf(SEPARATOR);
                    String entryStamp = entry.substring(0, split);
                    return entryStamp.equals(stamp == null ? "" : stamp)
                            ? Optional.of(entry.substring(split + 1)) : Optional.empty();
                });
    }

    /** The current stamp of an athlete's statistics ("" when none), read before computing an answer. */
    public Uni<String> statsStamp(String userId) {
        return hashes.hget(statsKey(userId), STAMP_FIELD)
                .map(stamp -> stamp == null ? "" : stamp);
    }

    /** Stores an answer computed under {@code stamp}. */
    public Uni<Void> putStats(String userId, String variant, String stamp, String json) {
        String key = statsKey(userId);
        return hashes.hset(key, variant, stamp + SEPARATOR + json)
                .chain(() -> keys.expire(key, statsTtl))
                .replaceWithVoid();
    }

    /**
     * The projection changed these athletes' analytics: new stamps, so every cached answer of theirs is stale. One
     * pipelined round trip.
     */
    public Uni<Void> invalidateStats(Map<String, String> newStampsByUser) {
        if (newStampsByUser.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Request> commands = new ArrayList<>(newStampsByUser.size() * 2);
        newStampsByUser.forEach((userId, stamp) -> {
            commands.add(Request.cmd(Command.HSET).arg(statsKey(userId)).arg(STAMP_FIELD).arg(stamp));
            commands.add(Request.cmd(Command.EXPIRE).arg(statsKey(userId)).arg(statsTtl.toSeconds()));
        });
        return redis.batch(commands).replaceWithVoid();
    }
}
