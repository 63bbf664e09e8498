package io.stride.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.stride.benchmarks.load.MachineLoad.Snapshot;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.UserKeyring;
import io.stride.platform.workoutfacts.FactCodec;
import io.stride.platform.workoutfacts.Figures;
import io.stride.platform.workoutfacts.WorkoutFact;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutCompletedData;
import io.stride.schemas.workout.WorkoutSource;

/**
 * The leaderboards benchmark's driver (issue 13), run by {@code ./stride bench leaderboards} against the processor it
 * started. The weekly running-distance board of a past week grows in steps (10,000, 100,000, 1,000,000 athletes by
 * default); at each step:
 * <ol>
 *   <li>the step's new athletes, one run each, are written to the athlete stage's input (the processor's
 *       {@code leaderboards-workout-facts-repartition} topic, in its own format) and the update rate is how fast the
 *       board's size reaches the step. The workout stage (opening sealed events) is skipped for the load: a million
 *       athletes' telemetry keys, held open in memory, do not fit the processor's 384 MB heap;</li>
 *   <li>the top 10 is read open loop at {@code --top-rate}, then a random athlete's rank with 3 neighbours either
 *       side at {@code --rank-rate} ({@link OpenLoop}: latency from each request's due time);</li>
 *   <li>the same board as a Redis sorted set (same members, same values) and {@code redis-benchmark} doing
 *       {@code ZREVRANGE 0 9} and {@code ZREVRANK} on it: the usual answer's ceiling, on the same machine, same run;</li>
 *   <li>completion to rank: probe athletes (with real telemetry keys) complete a run by a sealed
 *       {@code WorkoutCompleted} on {@code workouts.workout-events}, through both stages; the time from the broker's
 *       acknowledgement to the new value in the athlete's standing (polled every 2 ms);</li>
 *   <li>the processor's state on disk (RocksDB's files; what its memtables hold is not on disk yet) and its
 *       changelogs' segments.</li>
 * </ol>
 */
public final class LeaderboardsBenchmark {

    static final String PERIOD_ID = "2025-W23";
    static final String BOARD = "global/week/" + PERIOD_ID + "/RUNNING/distance";
    static final Instant WEEK_START = LocalDate.of(2025, 6, 2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    static final String FACTS_TOPIC = "leaderboards-workout-facts-repartition";
    static final String REDIS_KEY = "bench:leaderboard:" + PERIOD_ID;
    private static final Pattern OWN_VALUE = Pattern.compile("\"athlete\"\\s*:\\s*\\{[^}]*\"value\"\\s*:\\s*([0-9.]+)");
    private static final Pattern SIZE = Pattern.compile("\"size\"\\s*:\\s*(\\d+)");

    /** What one step measured. */
    record Step(int athletes, double loadSeconds, double factsPerSecond, double processorCores,
            HttpRun top, HttpRun rank, RedisRun redisTop, RedisRun redisRank, LatencySummary completionToRank,
            int probesNotSeen, long stateBytes, long changelogBytes) {
    }

    /** An open-loop run of one query. */
    record HttpRun(double offered, double sent, long ok, Map<Integer, Long> failures, LatencySummary latency) {
    }

    /** One {@code redis-benchmark} test: requests per second at its concurrency and its latency percentiles. */
    record RedisRun(String test, double perSecond, double p50, double p99, double max) {
    }

    private final LeaderboardsOptions options;
    private final Platform platform;
    private final HttpClient http = Clients.loadClient();
    private final URI base;
    private final Random random = new Random();
    private final long[] values;

    private LeaderboardsBenchmark(LeaderboardsOptions options, Platform platform) {
        this.options = options;
        this.platform = platform;
        this.base = URI.create(options.leaderboardsUrl().endsWith("/") ? options.leaderboardsUrl()
                : options.leaderboardsUrl() + "/");
        this.values = new long[options.steps().getLast()];
        // the same athletes and values in every run, so that a run with --keep-data finds the board it reads
        Random distances = new Random(42);
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(Math.exp(Math.log(250_000) + 0.6 * distances.nextGaussian()));
        }
    }

    /** Athlete {@code index} of the board, the same in every run. */
    static String athlete(int index) {
        return UUID.nameUUIDFromBytes(("stride-bench-athlete-" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The largest step a board of {@code onBoard} athletes holds (0 for an empty board), or refuses the board. */
    private int keptStep(long onBoard) {
        if (onBoard <= 0) {
            return 0;
        }
        int kept = options.steps().stream().filter(step -> step <= onBoard).mapToInt(Integer::intValue).max()
                .orElseThrow(() -> new IllegalStateException("the board holds " + onBoard
                        + " athletes, fewer than the first step: not a board this benchmark left"));
        if (onBoard - kept > (long) options.probes() * 10) {
            throw new IllegalStateException("the board holds " + onBoard + " athletes, not a step of "
                    + options.steps() + " and its probes: run without --keep-data");
        }
        return kept;
    }

    public static void main(String[] args) throws Exception {
        LeaderboardsOptions options = LeaderboardsOptions.parse(args);
        Platform platform = Platform.read(options.leaderboardsUrl(), options.devstack(), options.context());
        MachineLoad machine = new MachineLoad(platform.pids());
        new LeaderboardsBenchmark(options, platform).run(machine);
    }

    private void run(MachineLoad machine) throws Exception {
        Snapshot start = machine.snapshot();
        List<UUID> probes = new ArrayList<>();
        for (int i = 0; i < options.probes(); i++) {
            probes.add(UUID.randomUUID());
        }
        log("publishing %d probe athletes' telemetry keys", probes.size());
        UserKeyring keyring = Fixtures.telemetryKeys(platform, probes);
        long[] probeTotals = new long[probes.size()];
        RedisBoard redis = new RedisBoard(platform.address("REDIS_URL"), REDIS_KEY);
        redis.clear();
        List<Step> steps = new ArrayList<>();
        try (KafkaProducer<String, byte[]> facts = new KafkaProducer<>(factsProducerConfig(), new StringSerializer(),
                new ByteArraySerializer());
                KafkaProducer<String, SpecificRecord> events = new KafkaProducer<>(platform.gatewayProducerConfig(),
                        new StringSerializer(), sealing(keyring))) {
            long onBoard = size();
            for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); onBoard < 0
                    && System.nanoTime() < deadline; onBoard = size()) {
                Thread.sleep(200);   // 503 while the processor restores its stores
            }
            int kept = keptStep(onBoard);
            long extra = onBoard - kept;   // the probes of the run that left the board
            if (kept > 0) {
                log("the board holds %,d athletes: the %,d of the previous run (--keep-data) and %,d of its probes",
                        onBoard, kept, extra);
            }
            // one unmeasured probe: the processor's first sealed event fetches its schema from the registry and
            // compiles the first stage's path, which no later event pays again
            long warmupMeters = 5_000;
            probeTotals[0] += warmupMeters * 10L;
            probe(events, probes.getFirst(), warmupMeters, probeTotals[0] / 10.0, new LatencySummary.Recorder());
            int loaded = kept;      // athletes on the board
            int inRedis = 0;        // athletes in the sorted set (Redis keeps nothing between runs)
            for (int size : options.steps()) {
                if (size < kept) {
                    log("step %,d athletes: skipped, the kept board holds more", size);
                    continue;
                }
                int from = loaded;
                log("step %,d athletes: writing %,d facts", size, size - from);
                Snapshot loadStart = machine.snapshot();
                long loadStartNanos = System.nanoTime();
                for (int i = from; i < size; i++) {
                    String athlete = athlete(i);
                    facts.send(new ProducerRecord<>(FACTS_TOPIC, null, WEEK_START.toEpochMilli(), athlete,
                            FactCodec.encode(fact(athlete, values[i], i))));
                }
                facts.flush();
                awaitSize(size + extra + countedProbes(probeTotals), Duration.ofMinutes(60));
                double loadSeconds = size == from ? Double.NaN : (System.nanoTime() - loadStartNanos) / 1e9;
                MachineLoad.Usage load = machine.between(loadStart, machine.snapshot());
                double cores = size == from ? Double.NaN
                        : load.processCores().getOrDefault("leaderboards", Double.NaN);
                log("step %,d athletes: board complete in %.1f s, %,.0f facts/s, processor %.2f cores", size,
                        loadSeconds, (size - from) / loadSeconds, cores);
                loaded = size;

                redis.add(values, inRedis, size);
                inRedis = size;
                // each read run once the processor has digested the load (flushed its caches, compacted RocksDB)
                MachineLoad.Measured<HttpRun> top = machine.during(() -> reads("top 10", options.topRate(),
                        index -> "api/v1/leaderboards/" + BOARD + "?limit=10"));
                MachineLoad.Measured<HttpRun> rank = machine.during(() -> reads("rank", options.rankRate(),
                        index -> "api/v1/leaderboards/" + BOARD + "/athletes/" + athlete(random.nextInt(size))
                                + "?neighbours=3"));
                log("step %,d athletes: the platform settled in %.0f s before the top reads, %.0f s before the rank"
                        + " reads", size, top.settleSeconds(), rank.settleSeconds());
                RedisRun redisTop = redis.benchmark("ZREVRANGE 0 9", size, "ZREVRANGE", REDIS_KEY, "0", "9",
                        "WITHSCORES");
                RedisRun redisRank = redis.benchmark("ZREVRANK", size, "ZREVRANK", REDIS_KEY,
                        RedisBoard.MEMBER_PREFIX + "__rand_int__");
                log("step %,d athletes: redis ZREVRANGE %,.0f/s p99 %.2f ms, ZREVRANK %,.0f/s p99 %.2f ms", size,
                        redisTop.perSecond(), redisTop.p99(), redisRank.perSecond(), redisRank.p99());

                LatencySummary.Recorder completion = new LatencySummary.Recorder();
                int notSeen = 0;
                for (int p = 0; p < probes.size(); p++) {
                    long meters = 3_000 + random.nextInt(20_000);
                    probeTotals[p] += meters * 10L;
                    if (!probe(events, probes.get(p), meters, probeTotals[p] / 10.0, completion)) {
                        notSeen++;
                    }
                }
                LatencySummary toRank = completion.summary();
                log("step %,d athletes: completion to rank p50 %.0f ms, p99 %.0f ms over %d probes (%d not seen)",
                        size, toRank.p50(), toRank.p99(), toRank.count(), notSeen);
                long state = bytesUnder(options.stateDir(), path -> true);
                // segments only: a partition's index files are preallocated (10 MB each, sparse)
                long changelogs = bytesUnder(options.dataDir(), path -> path.toString().contains("leaderboards-")
                        && path.toString().contains("-changelog-") && path.toString().endsWith(".log"));
                log("step %,d athletes: state %,.1f MB, changelogs %,.1f MB", size, state / 1e6, changelogs / 1e6);
                steps.add(new Step(size, loadSeconds, (size - from) / loadSeconds, cores, top.value(), rank.value(),
                        redisTop, redisRank, toRank, notSeen, state, changelogs));
            }
        } finally {
            redis.clear();
        }
        Path out = options.out();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, LeaderboardsReport.markdown(options, platform, machine, steps,
                machine.between(start, machine.snapshot())), java.nio.file.StandardOpenOption.CREATE_NEW);
        log("report written to %s", out);
    }

    private static int countedProbes(long[] probeTotals) {
        int counted = 0;
        for (long total : probeTotals) {
            counted += total > 0 ? 1 : 0;
        }
        return counted;
    }

    /** One run of the week, ending at a time of its own so that ties are broken by time, then by athlete. */
    static WorkoutFact fact(String athlete, long decimetres, int index) {
        Instant start = WEEK_START.plusSeconds(index % (6 * 86_400));
        long movingMillis = decimetres * 330;   // 5:30 per km
        Instant end = start.plusMillis(movingMillis);
        return new WorkoutFact.Completed(UUID.randomUUID().toString(), athlete, end, "RUNNING",
                new Figures(start, end, decimetres, movingMillis, decimetres / 100, decimetres * 7 / 10));
    }

    private Map<String, Object> factsProducerConfig() {
        Map<String, Object> config = new java.util.HashMap<>(platform.gatewayProducerConfig());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        return config;
    }

    private Serializer<SpecificRecord> sealing(UserKeyring keyring) {
        return SealedSerde.sealing(RegistrySerdes.serializer(platform.registryUrl(), true), keyring,
                record -> ((GenericRecord) ((GenericRecord) record).get("data")).get("userId").toString());
    }

    /** Polls the board's size until it holds {@code expected} athletes. */
    private void awaitSize(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            last = size();
            if (last == expected) {
                return;
            }
            if (last > expected) {
                throw new IllegalStateException("the board holds " + last + " athletes, more than the "
                        + expected + " written: not a fresh platform (run without --keep-data)");
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the board holds " + last + " of " + expected + " athletes after "
                + timeout);
    }

    private long size() {
        try {
            HttpResponse<String> answer = http.send(get("api/v1/leaderboards/" + BOARD + "?limit=1"),
                    HttpResponse.BodyHandlers.ofString());
            Matcher size = SIZE.matcher(answer.body());
            return answer.statusCode() == 200 && size.find() ? Long.parseLong(size.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Reads open loop at {@code rate} for the read seconds, after unmeasured warm-up seconds at the same rate. */
    private HttpRun reads(String name, double rate, java.util.function.LongFunction<String> path) {
        OpenLoop.Gets gets = OpenLoop.gets(http, rate, options.readSeconds(), options.warmupSeconds(),
                index -> get(path.apply(index)));
        log("%s: %,.0f/s offered, %,.0f/s sent, p50 %.2f ms, p99 %.2f ms, failures %s", name, rate,
                gets.sentPerSecond(), gets.latency().p50(), gets.latency().p99(), gets.failures());
        return new HttpRun(rate, gets.sentPerSecond(), gets.ok(), gets.failures(), gets.latency());
    }

    /**
     * Completes a run of {@code meters} for {@code athlete} and records the time from the broker's acknowledgement
     * to the athlete's standing showing {@code expectedMeters}; false when it never did within 30 s.
     */
    private boolean probe(KafkaProducer<String, SpecificRecord> events, UUID athlete, long meters,
            double expectedMeters, LatencySummary.Recorder completion) throws Exception {
        UUID workout = UUID.randomUUID();
        Instant start = WEEK_START.plusSeconds(3_600 + random.nextInt(86_400));
        long millis = meters * 330;
        Instant end = start.plusMillis(millis);
        FinalFigures figures = FinalFigures.newBuilder().setEndReason(EndReason.COMPLETED).setStartedAt(start)
                .setEndedAt(end).setSampleCount((int) (millis / 1000)).setElapsedTimeMillis(millis)
                .setMovingTimeMillis(millis).setDistanceMeters(meters).setElevationGainMeters(meters / 100.0)
                .setElevationLossMeters(meters / 100.0).setCaloriesKcal(meters * 0.068).setAvgHeartRateBpm(150)
                .setMaxHeartRateBpm(175).setAvgSpeedMetersPerSecond(1000.0 / 330).setMaxSpeedMetersPerSecond(4.0)
                .setTrack(List.of()).build();
        WorkoutCompleted completed = WorkoutCompleted.newBuilder().setEventId(UUID.randomUUID()).setTimestamp(end)
                .setData(WorkoutCompletedData.newBuilder().setWorkoutId(workout).setUserId(athlete)
                        .setEndTime(end).setDurationSeconds((int) (millis / 1000)).setDistanceMeters(meters)
                        .setCaloriesBurned(figures.getCaloriesKcal()).setRouteCoordinates(List.of())
                        .setSportType(SportType.RUNNING).setStartTime(start).setSource(WorkoutSource.APP)
                        .setFigures(figures).build())
                .build();
        events.send(new ProducerRecord<>(Topics.WORKOUT_EVENTS, workout.toString(), completed)).get(30,
                TimeUnit.SECONDS);
        long acked = System.nanoTime();
        String path = "api/v1/leaderboards/" + BOARD + "/athletes/" + athlete + "?neighbours=0";
        long deadline = acked + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(get(path), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                Matcher value = OWN_VALUE.matcher(answer.body());
                if (value.find() && Double.parseDouble(value.group(1)) == expectedMeters) {
                    completion.record(acked, System.nanoTime());
                    return true;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return false;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build();
    }

    /** Bytes of the regular files under {@code root} whose path passes {@code filter}; 0 when there is no root. */
    static long bytesUnder(Optional<Path> root, java.util.function.Predicate<Path> filter) throws IOException {
        if (root.isEmpty() || !Files.isDirectory(root.get())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root.get())) {
            return files.filter(Files::isRegularFile).filter(filter).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException gone) {
                    return 0;   // a segment or SST file compacted away meanwhile
                }
            }).sum();
        }
    }

    static void log(String format, Object... args) {
        Scenario.log("leaderboards: " + format, args);
    }
}
