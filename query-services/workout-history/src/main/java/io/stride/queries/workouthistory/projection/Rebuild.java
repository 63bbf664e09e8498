package io.stride.queries.workouthistory.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.smallrye.mutiny.Uni;
import io.stride.queries.workouthistory.mapping.WorkoutEvent;
import io.stride.queries.workouthistory.store.ClickHouseConnections;
import io.stride.queries.workouthistory.store.FieldSealing;
import io.stride.queries.workouthistory.store.ReadModels;
import io.stride.schemas.Topics;

/**
 * A rebuild: replays every event into a fresh generation of the read models (other MongoDB and ClickHouse databases),
 * with the projection's own code, while the served generation keeps serving. It reads {@link Topics#USER_ERASURES}
 * from its first offset (every erasure, kept for ever) and then {@link Topics#WORKOUT_EVENTS} from its first offset
 * up to its end when the rebuild started, and commits the positions it reached for the generation's consumer groups
 * ({@code workout-history-<generation>}...), so that an app started with
 * {@code workout-history.generation=<generation>}
 * continues where the rebuild stopped. Records that cannot be read are skipped and counted (the served projection
 * dead-lettered them already). See the README, "Rebuild".
 */
@ApplicationScoped
public class Rebuild {

    private static final Pattern GENERATION = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Duration POLL = Duration.ofMillis(500);

    private final EventDecoder decoder;
    private final WorkoutProjector projector;
    private final Erasure erasure;
    private final ReactiveMongoClient mongo;
    private final ClickHouseConnections clickhouse;
    private final FieldSealing sealing;
    private final String bootstrapServers;
    private final Clock clock;
    private final ExecutorService kafkaThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("workout-history-rebuild").daemon().factory());
    private final Map<String, Progress> rebuilds = new ConcurrentHashMap<>();

    Rebuild(EventDecoder decoder, WorkoutProjector projector, Erasure erasure, ReactiveMongoClient mongo,
            ClickHouseConnections clickhouse, FieldSealing sealing,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, Clock clock) {
        this.decoder = decoder;
        this.projector = projector;
        this.erasure = erasure;
        this.mongo = mongo;
        this.clickhouse = clickhouse;
        this.sealing = sealing;
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    /** Whether a name can be a generation's (MongoDB and ClickHouse database names). */
    public static boolean validGeneration(String generation) {
        return generation != null && GENERATION.matcher(generation).matches();
    }

    /** A rebuild's state. */
    public enum State { RUNNING, DONE, FAILED }

    /** What a rebuild did so far. */
    public record Report(String generation, State state, Instant startedAt, Instant finishedAt, long erasures,
            long records, long applied, long duplicates, long foreign, long erasedUserRecords, long skipped,
            String error) {
    }

    /** Counters of a running rebuild. */
    private static final class Progress {
        final String generation;
        final Instant startedAt;
        final AtomicLong erasures = new AtomicLong();
        final AtomicLong records = new AtomicLong();
        final AtomicLong applied = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong foreign = new AtomicLong();
        final AtomicLong erasedUserRecords = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile Instant finishedAt;
        volatile String error;

        Progress(String generation, Instant startedAt) {
            this.generation = generation;
            this.startedAt = startedAt;
        }

        Report report() {
            return new Report(generation, state, startedAt, finishedAt, erasures.get(), records.get(), applied.get(),
                    duplicates.get(), foreign.get(), erasedUserRecords.get(), skipped.get(), error);
        }
    }

    /** The rebuild into {@code generation}, if one was started by this instance. */
    public Optional<Report> report(String generation) {
        return Optional.ofNullable(rebuilds.get(generation)).map(Progress::report);
    }

    /**
     * Starts a rebuild into {@code generation} in the background; empty when one into it is running already.
     * The generation's databases must be new (or dropped): events already applied there are duplicates.
     */
    public Optional<Report> start(String generation) {
        Progress progress = new Progress(generation, clock.instant());
        Progress running = rebuilds.compute(generation, (name, current) ->
                current != null && current.state == State.RUNNING ? current : progress);
        if (running != progress) {
            return Optional.empty();
        }
        Log.infof("rebuild started generation=%s", generation);
        run(progress).subscribe().with(
                report -> Log.infof("rebuild done generation=%s records=%d applied=%d erasures=%d", generation,
                        report.records(), report.applied(), report.erasures()),
                failure -> Log.errorf(failure, "rebuild failed generation=%s", generation));
        return Optional.of(progress.report());
    }

    /** Runs a rebuild into {@code generation} and completes when it is done. */
    public Uni<Report> run(String generation) {
        Progress progress = new Progress(generation, clock.instant());
        rebuilds.put(generation, progress);
        return run(progress);
    }

    private Uni<Report> run(Progress progress) {
        ReadModels models = ReadModels.of(progress.generation, mongo, clickhouse, sealing, Optional.empty());
        return models.ensureSchema()
                .chain(() -> erasures(models, progress))
                .chain(() -> events(models, progress))
                .map(ignored -> {
                    progress.finishedAt = clock.instant();
                    progress.state = State.DONE;
                    return progress.report();
                })
                .onFailure().invoke(failure -> {
                    progress.finishedAt = clock.instant();
                    progress.error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                    progress.state = State.FAILED;
                });
    }

    // The rebuild's loops run on its own thread and wait for each store write before reading on: one batch in memory
    // at a time (a chain of Unis, one per batch, kept every batch until the end and ran out of heap).

    private Uni<Void> erasures(ReadModels models, Progress progress) {
        return onKafkaThread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = consumer("workout-history-" + progress.generation
                    + "-user-erasures")) {
                Map<TopicPartition, Long> end = consumer.endOffsets(assignFromStart(consumer, Topics.USER_ERASURES));
                while (!reached(consumer, end)) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        erase(models, progress, record);
                    }
                }
                commit(consumer);
            }
        });
    }

    private void erase(ReadModels models, Progress progress, ConsumerRecord<String, byte[]> record) {
        String userId;
        try {
            userId = UUID.fromString(record.key()).toString();
        } catch (IllegalArgumentException | NullPointerException notAUserId) {
            progress.skipped.incrementAndGet();
            return;
        }
        if (record.value() != null) {
            erasure.erase(models, userId).await().indefinitely();
            progress.erasures.incrementAndGet();
        }
    }

    /** Polls, decodes and applies batches until every partition reached its end offset of the start. */
    private Uni<Void> events(ReadModels models, Progress progress) {
        return onKafkaThread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = consumer("workout-history-" + progress.generation)) {
                Map<TopicPartition, Long> end = consumer.endOffsets(assignFromStart(consumer, Topics.WORKOUT_EVENTS));
                while (!reached(consumer, end)) {
                    List<WorkoutEvent> events = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        progress.records.incrementAndGet();
                        switch (decoder.decode(record)) {
                            case EventDecoder.Decoded.Event(var ignored, var event) -> events.add(event);
                            case EventDecoder.Decoded.Erased erased -> progress.erasedUserRecords.incrementAndGet();
                            case EventDecoder.Decoded.Ignored ignored -> {
                                // live progress and unknown record types: not part of any read model
                            }
                            case EventDecoder.Decoded.Unreadable unreadable -> progress.skipped.incrementAndGet();
                        }
                    }
                    if (!events.isEmpty()) {
                        WorkoutProjector.Result result = projector.apply(models, events).await().indefinitely();
                        progress.applied.addAndGet(result.applied());
                        progress.duplicates.addAndGet(result.duplicates());
                        progress.foreign.addAndGet(result.foreign());
                        progress.erasedUserRecords.addAndGet(result.erasedUsers());
                        progress.skipped.addAndGet(result.poisoned().size());
                    }
                }
                commit(consumer);
            }
        });
    }

    private Uni<Void> onKafkaThread(Runnable work) {
        return Uni.createFrom().item(() -> {
                    work.run();
                    return null;
                })
                .runSubscriptionOn(kafkaThread)
                .replaceWithVoid();
    }

    private KafkaConsumer<String, byte[]> consumer(String groupId) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-rebuild",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> assignFromStart(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    /** Commits the positions reached for the generation's group, so its projection resumes from there. */
    private static void commit(KafkaConsumer<String, byte[]> consumer) {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        consumer.assignment().forEach(partition -> positions.put(partition,
                new OffsetAndMetadata(consumer.position(partition))));
        consumer.commitSync(positions);
    }

    @PreDestroy
    void stop() {
        kafkaThread.shutdownNow();
    }
}
