package io.stride.benchmarks.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.WorkoutPaused;
import io.stride.schemas.workout.WorkoutPausedData;
import io.stride.schemas.workout.WorkoutResumed;
import io.stride.schemas.workout.WorkoutResumedData;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutStartedData;

/**
 * The projection alone at an offered rate of events, whatever the command API sustains: lifecycle events produced
 * straight to {@code workouts.workout-events} as the outbox relay publishes them (Avro through the registry, sealed
 * with the athlete's telemetry key, key = workout id), open loop ({@link OpenLoop}), over {@value #OPEN_WORKOUTS}
 * workouts at a time of athletes of its own (their telemetry keys published first, as at registration): each workout a
 * {@code WorkoutStarted} then alternating {@code WorkoutPaused} and {@code WorkoutResumed}, {@value #EVENTS_PER_WORKOUT}
 * events in all. Every {@code probeEvery}-th event is followed into the read models as in {@link ProjectionLag}, from
 * the broker's acknowledgement (the event committed to the topic) and from its due time. These events reach MongoDB and
 * Redis; ClickHouse gets a row per completed workout only, which the command API run's completions exercise.
 */
final class DirectEvents {

    static final int OPEN_WORKOUTS = 1_000;
    static final int EVENTS_PER_WORKOUT = 20;
    /** How long the history may take to know the new athletes' keys. */
    /** The history may still be projecting the backlog of the phase before (a minute or more of it). */
    static final int READY_SECONDS = 600;

    private DirectEvents() {
    }

    /** One workout's next event and its version after it. */
    private static final class Stream {
        final UUID workoutId = UUID.randomUUID();
        final UUID userId;
        long version;

        Stream(UUID userId) {
            this.userId = userId;
        }

        SpecificRecord next(Instant now) {
            version++;
            UUID eventId = UUID.nameUUIDFromBytes((workoutId + "/" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (version == 1) {
                return new WorkoutStarted(eventId, "WorkoutStarted", now, WorkoutStartedData.newBuilder()
                        .setWorkoutId(workoutId).setUserId(userId).setSportType(SportType.RUNNING).setStartTime(now)
                        .build());
            }
            if (version % 2 == 0) {
                return new WorkoutPaused(eventId, "WorkoutPaused", now, new WorkoutPausedData(workoutId, userId, now));
            }
            return new WorkoutResumed(eventId, "WorkoutResumed", now,
                    new WorkoutResumedData(workoutId, userId, now));
        }
    }

    static ProjectionLag measure(Platform platform, int athletes, double rate, double seconds, int probeEvery)
            throws Exception {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < athletes; i++) {
            users.add(UUID.randomUUID());
        }
        UserKeyring keyring = Fixtures.telemetryKeys(platform, users);
        Serializer<SpecificRecord> values = SealedSerde.sealing(RegistrySerdes.serializer(platform.registryUrl(), true),
                keyring, record -> ((GenericRecord) ((GenericRecord) record).get("data")).get("userId").toString());
        String redisUrl = platform.address("REDIS_URL");
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(platform.gatewayProducerConfig(),
                new StringSerializer(), values)) {
            awaitReady(producer, redisUrl, users);
            Queue<ProjectionLag.Probe> probes = new ConcurrentLinkedQueue<>();
            LatencySummary.Recorder acks = new LatencySummary.Recorder();
            LatencySummary.Recorder visible = new LatencySummary.Recorder();
            LatencySummary.Recorder visibleFromDue = new LatencySummary.Recorder();
            Map<Integer, Long> statuses = new ConcurrentSkipListMap<>();
            AtomicLong acked = new AtomicLong();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicInteger notVisible = new AtomicInteger();
            AtomicReference<RuntimeException> probeFailure = new AtomicReference<>();
            Thread prober = Thread.ofPlatform().name("probe").start(() -> {
                try {
                    ProjectionLag.probe(redisUrl, probes, visible, visibleFromDue, sending, notVisible);
                } catch (RuntimeException e) {
                    probeFailure.set(e);
                }
            });
            List<Stream> open = new ArrayList<>();
            for (int i = 0; i < OPEN_WORKOUTS; i++) {
                open.add(new Stream(users.get(i % users.size())));
            }
            long start = System.nanoTime();
            OpenLoop.Schedule schedule = OpenLoop.run(rate, seconds, (index, due) -> {
                if (inFlight.get() >= OpenLoop.MAX_IN_FLIGHT) {
                    statuses.merge(OpenLoop.NOT_SENT, 1L, Long::sum);
                    return;
                }
                int slot = (int) (index % OPEN_WORKOUTS);
                Stream stream = open.get(slot);
                if (stream.version >= EVENTS_PER_WORKOUT) {
                    stream = new Stream(stream.userId);
                    open.set(slot, stream);
                }
                SpecificRecord event = stream.next(Instant.now());
                long version = stream.version;
                String key = "workout-history:summary:" + stream.workoutId;
                inFlight.incrementAndGet();
                producer.send(new ProducerRecord<>(Topics.WORKOUT_EVENTS, stream.workoutId.toString(), event),
                        (metadata, failure) -> {
                            long now = System.nanoTime();
                            acks.record(due, now);
                            if (failure == null) {
                                if (acked.incrementAndGet() % probeEvery == 0) {
                                    probes.add(new ProjectionLag.Probe(key, version, due, now));
                                }
                            } else {
                                statuses.merge(0, 1L, Long::sum);
                            }
                            inFlight.decrementAndGet();
                        });
            });
            producer.flush();
            double elapsed = (System.nanoTime() - start) / 1e9;
            sending.set(false);
            prober.join();
            if (probeFailure.get() != null) {
                throw probeFailure.get();
            }
            long refused = statuses.values().stream().mapToLong(Long::longValue).sum();
            return new ProjectionLag(rate, schedule.perSecond(), elapsed, acked.get(), refused,
                    new TreeMap<>(statuses), acks.summary(), visible.summary(), visibleFromDue.summary(),
                    notVisible.get());
        }
    }

    /**
     * Until the history knows the new athletes' keys, their events are unreadable to it (and dead-lettered): a first
     * workout per athlete is started, again every 10 s, until one of each is visible, at most {@link #READY_SECONDS}.
     */
    private static void awaitReady(KafkaProducer<String, SpecificRecord> producer, String redisUrl, List<UUID> users)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        List<UUID> waiting = new ArrayList<>(users);
        try (RedisReader redis = new RedisReader(redisUrl)) {
            while (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the history did not project the new athletes' events within "
                            + READY_SECONDS + " s (their telemetry keys unknown to it?)");
                }
                Map<UUID, Stream> firsts = new java.util.HashMap<>();
                for (UUID user : waiting) {
                    Stream stream = new Stream(user);
                    producer.send(new ProducerRecord<>(Topics.WORKOUT_EVENTS, stream.workoutId.toString(),
                            stream.next(Instant.now())));
                    firsts.put(user, stream);
                }
                producer.flush();
                long retry = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!waiting.isEmpty() && System.nanoTime() < retry) {
                    waiting.removeIf(user -> {
                        try {
                            return ProjectionLag.summaryVersion(redis.get("workout-history:summary:"
                                    + firsts.get(user).workoutId)) >= 1;
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException("reading Redis failed", e);
                        }
                    });
                    TimeUnit.MILLISECONDS.sleep(50);
                }
            }
        }
    }
}
