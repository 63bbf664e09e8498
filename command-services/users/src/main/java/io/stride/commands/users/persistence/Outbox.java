package io.stride.commands.users.persistence;

import java.time.Clock;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.avro.specific.SpecificRecord;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stride.platform.http.CorrelationId;

/**
 * The transactional outbox (STYLE §9): a record appended here is published to Kafka if and only if the transaction
 * that appended it commits. Call {@link #append} from a {@code @WithTransaction} use case, chained like any other
 * write:
 *
 * <pre>{@code
 * @WithTransaction
 * public Uni<Void> erase(UUID userId) {
 *     return users.deleteById(userId)
 *             .chain(() -> outbox.append(Topics.USER_ERASURES, userId.toString(), userErased));
 * }
 * }</pre>
 *
 * The relay ({@code messaging.OutboxRelay}) publishes pending records in the order they were appended, with the
 * Apicurio Avro serde, the given key and the current correlation id as the {@code X-Correlation-Id} header; delivery
 * is at least once (a crash between publishing and marking a row publishes it again), so consumers are idempotent.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository rows;
    private final Clock clock;

    public Outbox(OutboxRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
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
        Objects.requireNonNull(record, "record; use appendTombstone to delete a key");
        OutboxEntity row = row(topic, key);
        row.setSchemaName(record.getSchema().getFullName());
        row.setPayload(AvroPayloads.encode(record));
        return rows.persist(row)
                .replaceWithVoid();
    }

    /**
     * Appends a tombstone (null value) for {@code key}: on a compacted topic it removes the key. The rows that carried
     * the key's earlier records go first, published or not: the tombstone supersedes them, and a published row would
     * otherwise keep its payload (a device's model, a user's wrapped key) for {@code users.outbox.retention}.
     */
    @WithTransaction
    public Uni<Void> appendTombstone(String topic, String key) {
        return rows.delete("topic = ?1 and recordKey = ?2", topic, key)
                .chain(() -> rows.persist(row(topic, key)))
                .replaceWithVoid();
    }

    private OutboxEntity row(String topic, String key) {
        OutboxEntity row = new OutboxEntity();
        row.setTopic(Objects.requireNonNull(topic, "topic"));
        row.setRecordKey(Objects.requireNonNull(key, "key"));
        row.setCorrelationId(CorrelationId.currentOrNew());
        row.setCreatedAt(clock.instant());
        return row;
    }
}
