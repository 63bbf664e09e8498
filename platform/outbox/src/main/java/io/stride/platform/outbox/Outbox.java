package io.stride.platform.outbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.avro.specific.SpecificRecord;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stride.platform.http.CorrelationId;

/**
 * The transactional outbox (STYLE §9): a record appended here is published to Kafka if and only if the transaction
 * that appended it commits. Call {@link #append} from a {@code @WithTransaction} use case (Hibernate Reactive with
 * Panache), chained like any other write; the row is written through the use case's own session, so it commits or
 * rolls back with the use case's other writes:
 *
 * <pre>{@code
 * @WithTransaction
 * public Uni<Void> erase(UUID userId) {
 *     return users.deleteById(userId)
 *             .chain(() -> outbox.append(Topics.USER_ERASURES, userId.toString(), userErased));
 * }
 * }</pre>
 *
 * The relay ({@link OutboxRelay}) publishes pending records in the order they were appended, with the Apicurio Avro
 * serde, the given key and the current correlation id as the {@code X-Correlation-Id} header; a record appended with
 * {@link #appendSealed} is sealed with its user's telemetry key (ADR 0010) when it is published. Delivery is at least
 * once (a crash between publishing and marking a row publishes it again), so consumers are idempotent.
 */
@ApplicationScoped
public class Outbox {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    private final String table;
    private final Clock clock;

    public Outbox(OutboxConfig config, Instance<Clock> clock) {
        this.table = checkedTable(config.table());
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
    }

    static String checkedTable(String table) {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("stride.outbox.table must be schema.table in lower case: " + table);
        }
        return table;
    }

    /**
     * Appends a record to the current transaction (opens one when called outside any).
     *
     * @param topic  the topic, from {@code io.stride.schemas.Topics}
     * @param key    the record key (the aggregate id)
     * @param record a generated Avro record
     */
    @WithTransaction
    public Uni<Void> append(String topic, String key, SpecificRecord record) {
        return insert(topic, key, Objects.requireNonNull(record, "record; use appendTombstone to delete a key"), null);
    }

    /**
     * Appends a record that the relay seals with the telemetry key of {@code userId} (ADR 0010): for the topics whose
     * records carry a user's personal data and are kept by retention ({@code workouts.workout-events}). Its rows are
     * deleted with {@link #deleteSealedFor} when the user is erased.
     */
    @WithTransaction
    public Uni<Void> appendSealed(String topic, String key, SpecificRecord record, String userId) {
        return insert(topic, key, Objects.requireNonNull(record, "record"), Objects.requireNonNull(userId, "userId"));
    }

    /**
     * Appends a tombstone (null value) for {@code key}: on a compacted topic it removes the key. The rows that carried
     * the key's earlier records go first, published or not: the tombstone supersedes them, and a published row would
     * otherwise keep its payload (a device's model, a user's wrapped key) for {@code stride.outbox.retention}.
     */
    @WithTransaction
    public Uni<Void> appendTombstone(String topic, String key) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from " + table
                                + " where topic = ?1 and record_key = ?2")
                        .setParameter(1, topic)
                        .setParameter(2, key)
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery("insert into " + table
                                        + " (topic, record_key, correlation_id, created_at) values (?1, ?2, ?3, ?4)")
                                .setParameter(1, topic)
                                .setParameter(2, key)
                                .setParameter(3, CorrelationId.currentOrNew())
                                .setParameter(4, clock.instant().atOffset(ZoneOffset.UTC))
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * Deletes every row, published or not, sealed for the user (the user was erased: what was not published yet must
     * not be, and what was published is unreadable once the key is shredded). Answers how many.
     */
    @WithTransaction
    public Uni<Integer> deleteSealedFor(String userId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from " + table + " where sealed_for = ?1")
                        .setParameter(1, Objects.requireNonNull(userId, "userId"))
                        .executeUpdate());
    }

    private Uni<Void> insert(String topic, String key, SpecificRecord record, String sealedFor) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        byte[] payload = AvroPayloads.encode(record);
        String columns = "topic, record_key, schema_name, payload, correlation_id, created_at";
        String values = "?1, ?2, ?3, ?4, ?5, ?6";
        if (sealedFor != null) {
            columns += ", sealed_for";
            values += ", ?7";
        }
        String sql = "insert into " + table + " (" + columns + ") values (" + values + ")";
        return Panache.getSession()
                .chain(session -> {
                    var insert = session.createNativeQuery(sql)
                            .setParameter(1, topic)
                            .setParameter(2, key)
                            .setParameter(3, record.getSchema().getFullName())
                            .setParameter(4, payload)
                            .setParameter(5, CorrelationId.currentOrNew())
                            .setParameter(6, clock.instant().atOffset(ZoneOffset.UTC));
                    if (sealedFor != null) {
                        insert.setParameter(7, sealedFor);
                    }
                    return insert.executeUpdate();
                })
                .replaceWithVoid();
    }
}
