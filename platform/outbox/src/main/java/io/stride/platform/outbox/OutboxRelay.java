package io.stride.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.stride.platform.http.KafkaCorrelation;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.UserKeyring;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Publishes the transactional outbox ({@code stride.outbox.table}) to Kafka, oldest row first, and marks each
 * published row.
 *
 * <p>Runs when a transaction that wrote outbox rows commits (a statement trigger sends the PostgreSQL notification
 * {@code stride.outbox.notification-channel}, which every instance listens to), on a timer as a safety net
 * ({@code stride.outbox.poll-interval}) and at start. One instance publishes at a time: a batch runs in a transaction
 * holding an advisory lock, so records leave in id order even with several instances (two instances publishing
 * disjoint rows concurrently could reorder two records of one key, and on a compacted topic the older one would win);
 * the rows are also taken {@code FOR UPDATE SKIP LOCKED}. A row is marked published only after Kafka acknowledged it;
 * a crash in between publishes it again (at least once, in the same order: the next run starts again from the oldest
 * unmarked row).
 *
 * <p>Values are serialized here (Apicurio Avro, {@link RegistrySerdes}), on a worker thread, and a row appended with
 * {@link Outbox#appendSealed} is sealed with its user's telemetry key ({@link SealedSerde}); such rows need a
 * {@link UserKeyring} bean. A row whose user's key was shredded (the user was erased) is deleted, never published.
 * Records carry the time of publication as their Kafka timestamp (event time is in the payloads).
 */
@ApplicationScoped
public class OutboxRelay {

    /** Channel of the records; each record names its own topic. */
    public static final String CHANNEL = "outbox";

    private final Pool pool;
    private final MutinyEmitter<Record<String, byte[]>> emitter;
    private final Vertx vertx;
    private final Clock clock;
    private final Instance<UserKeyring> keyrings;
    private final String table;
    private final String notificationChannel;
    private final long publisherLock;
    private final int batchSize;
    private final Duration ackTimeout;
    private final Duration retention;
    private final OutboxConfig.SchemaRegistry registry;
    private final PgConnectOptions listenOptions;
    private final Counter published;
    private final Counter dropped;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Serializer<SpecificRecord> serializer;
    private volatile PgSubscriber subscriber;

    public OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<Record<String, byte[]>> emitter, Vertx vertx,
            Instance<Clock> clock, Instance<UserKeyring> keyrings, OutboxConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.pool = pool;
        this.emitter = emitter;
        this.vertx = vertx;
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        this.keyrings = keyrings;
        this.table = Outbox.checkedTable(config.table());
        this.notificationChannel = config.notificationChannel().orElse(table.replace('.', '_'));
        this.publisherLock = config.publisherLockId().orElse(defaultLockId(table));
        this.batchSize = config.batchSize();
        this.ackTimeout = config.ackTimeout();
        this.retention = config.retention();
        this.registry = config.schemaRegistry();
        this.listenOptions = PgConnectOptions.fromUri(reactiveUrl)
                .setUser(user)
                .setPassword(password);
        String prefix = config.metricPrefix().orElse(applicationName);
        this.published = Counter.builder(prefix + ".outbox.published")
                .description("Outbox records published to Kafka")
                .register(registry);
        this.dropped = Counter.builder(prefix + ".outbox.dropped")
                .description("Outbox records not published: their user was erased (the telemetry key is shredded)")
                .register(registry);
    }

    /** The advisory lock id of a table when none is configured: 64 bits of its name's hash, stable across JVMs. */
    static long defaultLockId(String table) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : ("stride.outbox/" + table).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    void onStart(@Observes StartupEvent start) {
        PgSubscriber listener = PgSubscriber.subscriber(vertx, listenOptions);
        listener.reconnectPolicy(attempts -> 1_000L);
        listener.channel(notificationChannel)
                .handler(ignored -> publishSoon());
        listener.connect()
                .subscribe()
                .with(ignored -> {
                    Log.infof("outbox relay listening channel=%s table=%s", notificationChannel, table);
                    publishSoon();
                }, failure -> Log.warnf("outbox relay cannot listen, polling only reason=%s", failure.getMessage()));
        subscriber = listener;
    }

    void onStop(@Observes ShutdownEvent stop) {
        PgSubscriber listener = subscriber;
        if (listener != null) {
            listener.closeAndForget();
        }
    }

    /**
     * The safety-net timer. The scheduler starts before the messaging channels are wired (both at start-up, the
     * scheduler first), and the first call creates this bean, whose emitter can only be injected once its channel is
     * wired (else SRMSG00019): so no run before the application has started.
     */
    @Scheduled(every = "${stride.outbox.poll-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        publishSoon();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgeHourly() {
        return purge().replaceWithVoid();
    }

    /** Deletes rows published longer ago than {@code stride.outbox.retention}; answers how many. */
    public Uni<Integer> purge() {
        return pool.preparedQuery("delete from " + table + " where published_at < $1")
                .execute(Tuple.of(clock.instant().minus(retention).atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount())
                .invoke(count -> Log.debugf("outbox rows purged count=%d table=%s", count, table));
    }

    /** Publishes every pending record, now or right after the run in progress. */
    public void publishSoon() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            run();
        }
    }

    private void run() {
        again.set(false);
        publishBatch()
                .subscribe()
                .with(count -> {
                    if (count >= batchSize || again.get()) {
                        run();
                        return;
                    }
                    running.set(false);
                    if (again.get() && running.compareAndSet(false, true)) {
                        run();
                    }
                }, failure -> {
                    Log.warnf("outbox publication failed, retried on the next run table=%s reason=%s", table,
                            failure.toString());
                    running.set(false);
                });
    }

    /** One batch in one transaction: returns how many rows were done (0 when another instance publishes). */
    Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1) as locked")
                .execute(Tuple.of(publisherLock))
                .chain(lock -> lock.iterator().next().getBoolean("locked")
                        ? publishPending(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection connection) {
        return connection.preparedQuery("select id, topic, record_key, schema_name, payload, correlation_id, "
                        + "sealed_for from " + table + " where published_at is null order by id limit $1 "
                        + "for update skip locked")
                .execute(Tuple.of(batchSize))
                .map(OutboxRelay::pending)
                // serializing may call the registry and wait for a key just published: not on the event loop
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(this::encode)
                .chain(batch -> send(batch.outgoing())
                        .chain(() -> markDone(connection, batch)));
    }

    /** A row as read. */
    private record PendingRow(long id, String topic, String key, String schemaName, byte[] payload,
            String correlationId, String sealedFor) {
    }

    /** What a batch sends, and the rows dropped instead (their user was erased). */
    private record Batch(List<Long> sent, List<Message<Record<String, byte[]>>> outgoing, List<Long> droppedIds) {
    }

    private static List<PendingRow> pending(RowSet<Row> rows) {
        List<PendingRow> pending = new ArrayList<>();
        for (Row row : rows) {
            pending.add(new PendingRow(row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                    row.getString("schema_name"),
                    row.getBuffer("payload") == null ? null : row.getBuffer("payload").getBytes(),
                    row.getString("correlation_id"), row.getString("sealed_for")));
        }
        return pending;
    }

    private Batch encode(List<PendingRow> rows) {
        List<Long> sent = new ArrayList<>();
        List<Message<Record<String, byte[]>>> outgoing = new ArrayList<>();
        List<Long> droppedIds = new ArrayList<>();
        for (PendingRow row : rows) {
            Headers headers = row.correlationId() == null
                    ? KafkaCorrelation.headers()
                    : KafkaCorrelation.headers(row.correlationId());
            byte[] value;
            try {
                value = value(row, headers);
            } catch (UserKeyring.ShreddedKey erased) {
                droppedIds.add(row.id());
                continue;
            }
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.topic())
                    .withKey(row.key())
                    .withHeaders(headers)
                    .build();
            sent.add(row.id());
            outgoing.add(Message.of(Record.of(row.key(), value))
                    .addMetadata(metadata));
        }
        return new Batch(sent, outgoing, droppedIds);
    }

    private byte[] value(PendingRow row, Headers headers) {
        if (row.schemaName() == null || row.payload() == null) {
            return null;
        }
        SpecificRecord record = AvroPayloads.decode(row.schemaName(), row.payload());
        if (row.sealedFor() == null) {
            return serializer().serialize(row.topic(), headers, record);
        }
        if (!keyrings.isResolvable()) {
            throw new IllegalStateException("outbox row " + row.id() + " is to be sealed but the app has no "
                    + "UserKeyring bean");
        }
        return SealedSerde.sealing(serializer(), keyrings.get(), ignored -> row.sealedFor())
                .serialize(row.topic(), headers, record);
    }

    private Serializer<SpecificRecord> serializer() {
        Serializer<SpecificRecord> current = serializer;
        if (current == null) {
            current = RegistrySerdes.serializer(registry.url(), registry.autoRegister());
            serializer = current;
        }
        return current;
    }

    private Uni<Void> send(List<Message<Record<String, byte[]>>> outgoing) {
        if (outgoing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>();
        for (Message<Record<String, byte[]>> message : outgoing) {
            sends.add(emitter.sendMessage(message));
        }
        // Uni.join subscribes in list order: the records enter the producer in id order.
        return Uni.join()
                .all(sends)
                .andFailFast()
                .ifNoItem()
                .after(ackTimeout)
                .fail()
                .replaceWithVoid();
    }

    private Uni<Integer> markDone(SqlConnection connection, Batch batch) {
        Uni<Void> deleted = batch.droppedIds().isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery("delete from " + table + " where id = any($1)")
                        .execute(Tuple.of(batch.droppedIds().toArray(Long[]::new)))
                        .invoke(() -> dropped.increment(batch.droppedIds().size()))
                        .invoke(() -> Log.infof("outbox records of erased users dropped count=%d table=%s",
                                batch.droppedIds().size(), table))
                        .replaceWithVoid();
        List<Long> ids = batch.sent();
        int done = ids.size() + batch.droppedIds().size();
        if (ids.isEmpty()) {
            return deleted.replaceWith(done);
        }
        return deleted.chain(() -> connection.preparedQuery("update " + table + " set published_at = $1 where id = "
                                + "any($2)")
                        .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), ids.toArray(Long[]::new))))
                .invoke(() -> published.increment(ids.size()))
                .invoke(() -> Log.debugf("outbox records published count=%d lastId=%d table=%s", ids.size(),
                        ids.getLast(), table))
                .replaceWith(done);
    }
}
