package io.stride.commands.users.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.avro.specific.SpecificRecord;
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
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.stride.commands.users.config.UsersConfig;
import io.stride.commands.users.persistence.AvroPayloads;
import io.stride.platform.http.KafkaCorrelation;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Publishes the transactional outbox ({@code users.outbox}) to Kafka, oldest row first, and marks each published row.
 *
 * <p>Runs when a transaction that wrote outbox rows commits (a statement trigger sends the PostgreSQL notification
 * {@code users_outbox}, which every instance listens to), on a timer as a safety net
 * ({@code users.outbox.poll-interval})
 * and at start. One instance publishes at a time: a batch runs in a transaction holding an advisory lock, so records
 * leave in id order even with several instances (two instances publishing disjoint rows concurrently could reorder
 * two records of one key, and on a compacted topic the older one would win); the rows are also taken
 * {@code FOR UPDATE SKIP LOCKED}. A row is marked published only after Kafka acknowledged it; a crash in between
 * publishes it again (at least once).
 */
@ApplicationScoped
public class OutboxRelay {

    /** Channel of the records; each record names its own topic. */
    static final String CHANNEL = "outbox";
    static final String NOTIFICATION_CHANNEL = "users_outbox";
    /**
     * Longest wait for Kafka's acknowledgements of one batch: the batch's transaction (and its row locks) stays open
     * meanwhile, so a broker outage must not hold it for the producer's full delivery timeout.
     */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** Advisory lock id held by the instance that publishes (ASCII "usoutbox"). */
    static final long PUBLISHER_LOCK = 0x75736f7574626f78L;

    private static final String PENDING = """
            select id, topic, record_key, schema_name, payload, correlation_id from users.outbox
            where published_at is null order by id limit $1 for update skip locked""";

    private final Pool pool;
    private final MutinyEmitter<Record<String, SpecificRecord>> emitter;
    private final Vertx vertx;
    private final Clock clock;
    private final int batchSize;
    private final Duration retention;
    private final PgConnectOptions listenOptions;
    private final Counter published;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile PgSubscriber subscriber;

    public OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<Record<String, SpecificRecord>> emitter, Vertx vertx,
            Clock clock, UsersConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.pool = pool;
        this.emitter = emitter;
        this.vertx = vertx;
        this.clock = clock;
        this.batchSize = config.outbox().batchSize();
        this.retention = config.outbox().retention();
        this.listenOptions = PgConnectOptions.fromUri(reactiveUrl)
                .setUser(user)
                .setPassword(password);
        this.published = Counter.builder("users.outbox.published")
                .description("Outbox records published to Kafka")
                .register(registry);
    }

    void onStart(@Observes StartupEvent start) {
        PgSubscriber listener = PgSubscriber.subscriber(vertx, listenOptions);
        listener.reconnectPolicy(attempts -> 1_000L);
        listener.channel(NOTIFICATION_CHANNEL)
                .handler(ignored -> publishSoon());
        listener.connect()
                .subscribe()
                .with(ignored -> {
                    Log.infof("outbox relay listening channel=%s", NOTIFICATION_CHANNEL);
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
    @Scheduled(every = "${users.outbox.poll-interval:5s}", delayed = "1s",
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

    /** Deletes rows published longer ago than {@code users.outbox.retention}; answers how many. */
    public Uni<Integer> purge() {
        return pool.preparedQuery("delete from users.outbox where published_at < $1")
                .execute(Tuple.of(clock.instant().minus(retention).atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount())
                .invoke(count -> Log.debugf("outbox rows purged count=%d", count));
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
                    Log.warnf("outbox publication failed, retried on the next run reason=%s", failure.toString());
                    running.set(false);
                });
    }

    /** One batch in one transaction: returns how many records were published (0 when another instance publishes). */
    Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1) as locked")
                .execute(Tuple.of(PUBLISHER_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean("locked")
                        ? publishPending(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection connection) {
        return connection.preparedQuery(PENDING)
                .execute(Tuple.of(batchSize))
                .chain(rows -> send(rows)
                        .chain(ids -> markPublished(connection, ids)));
    }

    private Uni<List<Long>> send(RowSet<Row> rows) {
        List<Long> ids = new ArrayList<>();
        List<Uni<Void>> sends = new ArrayList<>();
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            sends.add(emitter.sendMessage(message(row)));
        }
        if (sends.isEmpty()) {
            return Uni.createFrom().item(ids);
        }
        // Uni.join subscribes in list order: the records enter the producer in id order.
        return Uni.join()
                .all(sends)
                .andFailFast()
                .ifNoItem()
                .after(ACK_TIMEOUT)
                .fail()
                .replaceWith(ids);
    }

    private Uni<Integer> markPublished(SqlConnection connection, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery("update users.outbox set published_at = $1 where id = any($2)")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), ids.toArray(Long[]::new)))
                .invoke(() -> published.increment(ids.size()))
                .invoke(() -> Log.debugf("outbox records published count=%d lastId=%d", ids.size(), ids.getLast()))
                .replaceWith(ids.size());
    }

    private static Message<Record<String, SpecificRecord>> message(Row row) {
        String schemaName = row.getString("schema_name");
        byte[] payload = row.getBuffer("payload") == null ? null : row.getBuffer("payload").getBytes();
        SpecificRecord value = schemaName == null || payload == null ? null : AvroPayloads.decode(schemaName, payload);
        String correlationId = row.getString("correlation_id");
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("record_key"))
                .withHeaders(correlationId == null
                        ? KafkaCorrelation.headers()
                        : KafkaCorrelation.headers(correlationId))
                .build();
        return Message.of(Record.of(row.getString("record_key"), value))
                .addMetadata(metadata);
    }
}
