package io.stride.commands.workouts.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The durable idempotency keys ({@code workouts.idempotency_keys}), one per user and key. A request claims its key
 * before it runs ({@link #claim}: one statement committed on its own, so that a concurrent duplicate sees the claim),
 * stores its outcome in the command's transaction ({@link #complete}) and releases the key when it appended nothing
 * ({@link #release}). Claiming and releasing go through the reactive pool in one round trip each, outside any
 * Hibernate Reactive session: a new key, the common case, costs one insert and no transaction of its own.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final Pool pool;

    public IdempotencyKeys(Pool pool) {
        this.pool = pool;
    }

    /** What the key says about a request. */
    public sealed interface Claim {
    }

    /** The key is new: this request runs. */
    public record Claimed() implements Claim {
    }

    /** The same request ran and succeeded: its outcome (JSON) and workout. */
    public record Done(String outcome, UUID workoutId) implements Claim {
    }

    /** The same request is running (or its instance died less than {@code staleAfter} ago). */
    public record InFlight() implements Claim {
    }

    /** The key was used for another request. */
    public record Mismatch() implements Claim {
    }

    /**
     * Claims {@code key} for the request whose hash is {@code requestHash}; call it outside the command's transaction.
     * A key already there is read in a transaction of its own; an in-flight claim older than {@code staleAfter} (its
     * request's instance died) is taken over.
     */
    public Uni<Claim> claim(UUID userId, String key, String requestHash, Instant now, Duration staleAfter) {
        return pool.preparedQuery("insert into workouts.idempotency_keys (user_id, idempotency_key, request_hash, "
                        + "state, created_at) values ($1, $2, $3, 'IN_FLIGHT', $4) on conflict do nothing")
                .execute(Tuple.of(userId, key, requestHash, now.atOffset(ZoneOffset.UTC)))
                .chain(inserted -> inserted.rowCount() == 1
                        ? Uni.createFrom().item((Claim) new Claimed())
                        : Panache.withTransaction(() -> existing(userId, key, requestHash, now, staleAfter))
                                // released between the insert and the read: claim it again
                                .chain(existing -> existing == null
                                        ? claim(userId, key, requestHash, now, staleAfter)
                                        : Uni.createFrom().item(existing)));
    }

    private Uni<Claim> existing(UUID userId, String key, String requestHash, Instant now, Duration staleAfter) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select request_hash, state, cast(outcome as text), "
                                + "workout_id, created_at from workouts.idempotency_keys where user_id = ?1 and "
                                + "idempotency_key = ?2 for update", Object[].class)
                        .setParameter(1, userId)
                        .setParameter(2, key)
                        .getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    Object[] row = rows.getFirst();
                    if (!requestHash.equals(row[0])) {
                        return Uni.createFrom().item(new Mismatch());
                    }
                    if ("DONE".equals(row[1])) {
                        return Uni.createFrom().item(new Done((String) row[2], (UUID) row[3]));
                    }
                    Instant claimedAt = instant(row[4]);
                    if (claimedAt.plus(staleAfter).isBefore(now)) {
                        return takeOver(userId, key, now);
                    }
                    return Uni.createFrom().item(new InFlight());
                });
    }

    private Uni<Claim> takeOver(UUID userId, String key, Instant now) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("update workouts.idempotency_keys set created_at = ?3 "
                                + "where user_id = ?1 and idempotency_key = ?2 and state = 'IN_FLIGHT'")
                        .setParameter(1, userId)
                        .setParameter(2, key)
                        .setParameter(3, now.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .map(updated -> (Claim) new Claimed());
    }

    /** Stores the outcome of the request that claimed the key: in the transaction that appended its events. */
    public Uni<Void> complete(UUID userId, String key, UUID workoutId, String outcome, Instant now) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("update workouts.idempotency_keys set state = 'DONE', "
                                + "workout_id = ?3, outcome = cast(cast(?4 as text) as jsonb), completed_at = ?5 "
                                + "where user_id = ?1 and idempotency_key = ?2")
                        .setParameter(1, userId)
                        .setParameter(2, key)
                        .setParameter(3, workoutId)
                        .setParameter(4, outcome)
                        .setParameter(5, now.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Frees a key whose request appended nothing (refused, conflicting or failed), so it may be used again. */
    public Uni<Void> release(UUID userId, String key) {
        return pool.preparedQuery("delete from workouts.idempotency_keys where user_id = $1 and idempotency_key = $2 "
                        + "and state = 'IN_FLIGHT'")
                .execute(Tuple.of(userId, key))
                .replaceWithVoid();
    }

    /** Deletes finished keys created before {@code before}; answers how many. */
    public Uni<Integer> purge(Instant before) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from workouts.idempotency_keys where state = "
                                + "'DONE' and created_at < ?1")
                        .setParameter(1, before.atOffset(ZoneOffset.UTC))
                        .executeUpdate());
    }

    /** Deletes every key of the user (right to erasure); answers how many. */
    public Uni<Integer> deleteAllOf(UUID userId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from workouts.idempotency_keys where user_id = ?1")
                        .setParameter(1, userId)
                        .executeUpdate());
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case java.time.OffsetDateTime offset -> offset.toInstant();
            case java.time.LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
