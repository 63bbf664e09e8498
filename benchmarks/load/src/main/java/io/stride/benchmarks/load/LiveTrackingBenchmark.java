package io.stride.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.google.crypto.tink.Aead;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.schemas.users.DeviceCredential;
import io.stride.schemas.users.TelemetryKey;

/**
 * Measures, in one run against a running local platform ({@code ./stride up --devices 0}):
 * <ol>
 * <li>the raw Kafka produce ceiling — Kafka's own {@code ProducerPerformance}, with the gateway's producer settings
 * (acks=all, idempotent, lz4, linger 5 ms), records of the size of an Avro telemetry sample;</li>
 * <li>Stride's end-to-end rate — samples posted to the gateway in batches, until every workout's last sample is in a
 * committed live state on {@code workouts.live-state} (what live-tracking serves; its API needs a user's token);</li>
 * <li>the live-workout processor alone — the same kind of samples produced straight to
 * {@code telemetry.sample-batches} as the gateway publishes them (one {@code TelemetrySampleBatch} per workout and
 * posted batch, Avro, registry serde, the gateway's producer settings), until every workout's last sample is in a
 * committed live state: what the stream processing sustains without the gateway;</li>
 * <li>device → live-state latency at a fixed load — from posting a batch to the first committed live state that
 * includes its last sample (p50/p99).</li>
 * </ol>
 * Every simulated device has its own credential: before the runs, a {@code DeviceCredential} per device (device id a
 * UUID, the workout's user, SHA-256 of its secret, model "Stride load generator") goes to
 * {@link Topics#DEVICE_CREDENTIALS} through the registry serde, and every request carries
 * {@code Authorization: Device <deviceId>.<secret>}.
 * Parameters (defaults): {@code --gateway http://127.0.0.1:8081},
 * {@code --devstack .devstack/devstack.properties}, {@code --raw-records 1000000}, {@code --samples 1200000},
 * {@code --workouts 60}, {@code --clients 12} (concurrent connections, each waiting for the acknowledgement of its
 * batch before sending the next, as a wearable does), {@code --direct-samples 600000} (0 skips that run),
 * {@code --batch 500}, {@code --latency-rate 20000} samples/s, {@code --latency-batch 100},
 * {@code --latency-seconds 30}, {@code --warmup-passes 1} (whole unmeasured passes of the scenario first: a freshly started platform spends its first minutes compiling, and its first pass measures that),
 * {@code --warmup-samples 300000} (an unmeasured end-to-end
 * run first, so that the measured runs meet compiled code, not a cold JIT; 0 skips it),
 * {@code --out benchmarks/results/<date>-live-tracking.md}.
 */
public final class LiveTrackingBenchmark {

    private static final Pattern PERF_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency");

    private final Options options;
    private final Map<String, String> addresses;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private LiveTrackingBenchmark(Options options, Map<String, String> addresses) {
        this.options = options;
        this.addresses = addresses;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Properties addresses = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(options.devstack()))) {
            addresses.load(in);
        }
        Map<String, String> map = new HashMap<>();
        addresses.forEach((key, value) -> map.put((String) key, (String) value));
        for (int pass = 1; pass <= options.warmupPasses(); pass++) {
            log("unmeasured pass %d of %d: the whole scenario, so that the measured pass meets a platform in its"
                    + " steady state", pass, options.warmupPasses());
            new LiveTrackingBenchmark(options, map).run(false);
        }
        new LiveTrackingBenchmark(options, map).run(true);
    }

    /** The scenario; the report is written when {@code measured}. */
    private void run(boolean measured) throws Exception {
        List<Workload> endToEndWorkloads = new ArrayList<>();
        for (int i = 0; i < options.workouts(); i++) {
            endToEndWorkloads.add(new Workload(i, options.samples() / options.workouts()));
        }
        int latencyWorkouts = options.clients() * 4;
        long samplesPerLatencyWorkout = (long) options.latencyRate() * options.latencySeconds() / latencyWorkouts + 1;
        List<Workload> latencyWorkloads = new ArrayList<>();
        for (int i = 0; i < latencyWorkouts; i++) {
            latencyWorkloads.add(new Workload(1000 + i, samplesPerLatencyWorkout));
        }
        List<Workload> warmupWorkloads = new ArrayList<>();
        for (int i = 0; options.warmupSamples() > 0 && i < options.workouts(); i++) {
            warmupWorkloads.add(new Workload(3000 + i, options.warmupSamples() / options.workouts()));
        }
        log("registering %d device credentials",
                warmupWorkloads.size() + endToEndWorkloads.size() + latencyWorkloads.size());
        registerDevices(warmupWorkloads, endToEndWorkloads, latencyWorkloads);

        if (!warmupWorkloads.isEmpty()) {
            // a freshly started platform runs interpreted at first: the measured runs start with compiled hot paths
            log("warm-up (not measured): %,d samples through the gateway", options.warmupSamples());
            endToEnd(warmupWorkloads, options.warmupSamples() / options.workouts());
        }

        log("raw Kafka produce ceiling: %,d records", options.rawRecords());
        RawCeiling raw = rawCeiling();
        log("raw ceiling %,.0f records/s (avg latency %.1f ms)", raw.recordsPerSecond(), raw.avgLatencyMillis());

        log("end to end: %,d samples, %d workouts, %d clients, batches of %d", options.samples(), options.workouts(),
                options.clients(), options.batch());
        EndToEnd endToEnd = endToEnd(endToEndWorkloads, options.samples() / options.workouts());
        log("gateway accepted %,.0f samples/s; reflected in live state %,.0f samples/s (%d refused with 429)",
                endToEnd.acceptedPerSecond(), endToEnd.reflectedPerSecond(), endToEnd.rateLimited());

        // at the steady load of the end-to-end run, before the processor-alone run floods the topic
        log("latency at %,d samples/s for %d s", options.latencyRate(), options.latencySeconds());
        Latency latency = latency(latencyWorkloads);
        log("latency p50 %d ms, p99 %d ms, max %d ms over %d batches (achieved %,.0f samples/s)", latency.p50(),
                latency.p99(), latency.max(), latency.batches(), latency.achievedRate());

        Direct direct = new Direct(0, 0, 0);
        if (options.directSamples() > 0) {
            log("processor alone: %,d samples produced to Kafka, %d workouts", options.directSamples(),
                    options.workouts());
            direct = direct();
            log("produced %,.0f samples/s; reflected in live state %,.0f samples/s", direct.producedPerSecond(),
                    direct.reflectedPerSecond());
        }

        if (!measured) {
            return;
        }
        String report = Report.markdown(options, raw, endToEnd, direct, latency);
        Path out = Path.of(options.out());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        log("report written to %s", out);
    }

    // --- 0. device credentials -------------------------------------------------------------------------------

    /**
     * Publishes a telemetry key for every workload's user (ADR 0010), as the users service does at registration: the
     * keys, open, for sealing what the benchmark produces to Kafka itself.
     */
    @SafeVarargs
    private UserKeyring issueTelemetryKeys(List<Workload>... groups) throws Exception {
        UserKeyring keyring = new UserKeyring();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        Serde<TelemetryKey> values = RegistrySerdes.forValues(addresses.get("APICURIO_REGISTRY_URL"), true);
        Aead kek = TelemetryKeys.readKek(Path.of(addresses.get("TELEMETRY_KEK_LOCATION")));
        Instant now = Instant.now();
        try (KafkaProducer<String, TelemetryKey> producer = new KafkaProducer<>(config, new StringSerializer(),
                values.serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (List<Workload> group : groups) {
                for (Workload workload : group) {
                    String user = workload.userId.toString();
                    byte[] wrapped = TelemetryKeys.newWrappedKey(user, kek);
                    keyring.put(user, TelemetryKeys.unwrap(user, wrapped, kek));
                    TelemetryKey key = TelemetryKey.newBuilder()
                            .setUserId(workload.userId)
                            .setWrappedKeyset(ByteBuffer.wrap(wrapped))
                            .setCreatedAt(now)
                            .build();
                    sent.add(producer.send(new ProducerRecord<>(Topics.TELEMETRY_KEYS, user, key)));
                }
            }
            for (Future<RecordMetadata> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        return keyring;
    }

    /** Publishes every device's credential, as the users service does when a device is added. */
    @SafeVarargs
    private void registerDevices(List<Workload>... groups) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        Serde<DeviceCredential> values = RegistrySerdes.forValues(addresses.get("APICURIO_REGISTRY_URL"), true);
        Instant now = Instant.now();
        try (KafkaProducer<String, DeviceCredential> producer = new KafkaProducer<>(config, new StringSerializer(),
                values.serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (List<Workload> group : groups) {
                for (Workload workload : group) {
                    DeviceCredential credential = DeviceCredential.newBuilder()
                            .setDeviceId(workload.deviceId)
                            .setUserId(workload.userId)
                            .setSecretSha256(workload.secretSha256())
                            .setModel("Stride load generator")
                            .setRegisteredAt(now)
                            .setRevokedAt(null)
                            .build();
                    sent.add(producer.send(new ProducerRecord<>(Topics.DEVICE_CREDENTIALS, workload.deviceId,
                            credential)));
                }
            }
            for (Future<RecordMetadata> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        issueTelemetryKeys(groups);
        // the gateway reads the credentials from the compacted topic: wait until it admits the last device
        Workload last = groups[groups.length - 1].getLast();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (credentialProbe(last) == 401) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not admit the registered devices within 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * Status of an empty batch sent with a device's credential: 401 while the gateway does not admit it; anything
     * else (400: a batch must hold a sample) once it does, or while the gateway checks no credentials. Publishes
     * nothing.
     */
    private int credentialProbe(Workload workload) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.gateway() + "/api/v1/telemetry/batches"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", workload.authorization())
                .POST(HttpRequest.BodyPublishers.ofString("{\"samples\":[]}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // --- 1. raw Kafka ceiling ---------------------------------------------------------------------------------

    record RawCeiling(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMillis) {
    }

    private RawCeiling rawCeiling() throws Exception {
        String topic = "bench.raw-produce-" + Long.toHexString(System.nanoTime());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                        "--topic", topic, "--num-records", Long.toString(options.rawRecords()),
                        "--record-size", "220", "--throughput", "-1", "--producer-props",
                        "bootstrap.servers=" + bootstrap(), "acks=all", "enable.idempotence=true", "linger.ms=5",
                        "compression.type=lz4", "batch.size=65536");
                Process perf = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(perf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                perf.waitFor();
                Matcher summary = null;
                for (String line : output.split("\n")) {
                    Matcher matcher = PERF_SUMMARY.matcher(line);
                    if (matcher.find()) {
                        summary = matcher;
                    }
                }
                if (summary == null) {
                    throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
                }
                return new RawCeiling(Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(2)),
                        Double.parseDouble(summary.group(3)), Double.parseDouble(summary.group(4)));
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    // --- 2. end-to-end rate -----------------------------------------------------------------------------------

    record EndToEnd(long samples, double acceptedPerSecond, double reflectedPerSecond, long rateLimited) {
    }

    /** Posts {@code perWorkout} samples of every workload through the gateway until all are in a live state. */
    private EndToEnd endToEnd(List<Workload> workloads, long perWorkout) throws Exception {
        try (LastSamples lastSamples = new LastSamples(workloads, perWorkout)) {
            return endToEnd(workloads, perWorkout, lastSamples);
        }
    }

    private EndToEnd endToEnd(List<Workload> workloads, long perWorkout, LastSamples lastSamples) throws Exception {
        AtomicLong rateLimited = new AtomicLong();
        long start = System.nanoTime();
        List<Runnable> clients = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            List<Workload> mine = new ArrayList<>();
            for (int w = c; w < workloads.size(); w += options.clients()) {
                mine.add(workloads.get(w));
            }
            // Each workout belongs to one client, so its batches stay in order.
            clients.add(() -> {
                boolean more = true;
                while (more) {
                    more = false;
                    for (Workload workload : mine) {
                        if (workload.nextSequence() <= perWorkout) {
                            int size = (int) Math.min(options.batch(), perWorkout - workload.nextSequence() + 1);
                            post(workload, workload.nextBatch(size), rateLimited);
                            more = true;
                        }
                    }
                }
            });
        }
        runClients(clients);
        long accepted = System.nanoTime();
        long reflected = lastSamples.awaitAll();
        long total = perWorkout * workloads.size();
        return new EndToEnd(total, total / seconds(accepted - start), total / seconds(reflected - start),
                rateLimited.get());
    }

    /** Posts a batch with the device's credential; on 429 waits {@code Retry-After} and resends, as a device does. */
    private void post(Workload workload, String batch, AtomicLong rateLimited) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.gateway() + "/api/v1/telemetry/batches"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", workload.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(batch))
                .build();
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return;
                }
                if (response.statusCode() != 429) {
                    throw new IllegalStateException("gateway answered " + response.statusCode() + ": "
                            + response.body());
                }
                rateLimited.incrementAndGet();
                TimeUnit.SECONDS.sleep(Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
            } catch (IOException e) {
                throw new IllegalStateException("gateway unreachable", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Follows {@code workouts.live-state} (read_committed) from now on until every workload's last sample
     * ({@code perWorkout}) is in a committed live state.
     */
    private final class LastSamples implements AutoCloseable {

        private final Map<String, Long> remaining = new ConcurrentHashMap<>();
        private final AtomicBoolean watching = new AtomicBoolean(true);
        private final Thread watcher;

        /** Returns once the watcher is positioned at the end of the topic, so that nothing sent after is missed. */
        LastSamples(List<Workload> workloads, long perWorkout) throws InterruptedException {
            for (Workload workload : workloads) {
                remaining.put(workload.workoutId.toString(), perWorkout);
            }
            CountDownLatch positioned = new CountDownLatch(1);
            watcher = Thread.ofPlatform().start(() -> watchLiveState(positioned, watching, (workoutId, applied) ->
                    remaining.computeIfPresent(workoutId, (key, last) -> applied >= last ? null : last)));
            positioned.await();
        }

        /** Waits (5 minutes at most) until every last sample is reflected; the {@code nanoTime} when it was. */
        long awaitAll() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            long reflected = System.nanoTime();
            close();
            if (!remaining.isEmpty()) {
                throw new IllegalStateException(remaining.size() + " workouts never reached their last sample");
            }
            return reflected;
        }

        /** Stops the watcher (also when the run failed before waiting). */
        @Override
        public void close() throws InterruptedException {
            watching.set(false);
            watcher.join();
        }
    }

    // --- 3. the processor alone --------------------------------------------------------------------------------

    record Direct(long samples, double producedPerSecond, double reflectedPerSecond) {
    }

    private Direct direct() throws Exception {
        long perWorkout = options.directSamples() / options.workouts();
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < options.workouts(); i++) {
            workloads.add(new Workload(2000 + i, perWorkout));
        }
        try (LastSamples lastSamples = new LastSamples(workloads, perWorkout)) {
            return direct(workloads, perWorkout, lastSamples);
        }
    }

    private Direct direct(List<Workload> workloads, long perWorkout, LastSamples lastSamples) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        // sealed with each athlete's key, as the gateway writes them: the processor opens every batch
        UserKeyring keyring = issueTelemetryKeys(workloads);
        Serializer<TelemetrySampleBatch> values = SealedSerde.sealing(
                RegistrySerdes.serializer(addresses.get("APICURIO_REGISTRY_URL"), true), keyring,
                batch -> batch.getSamples().getFirst().getUserId().toString());
        long start = System.nanoTime();
        try (KafkaProducer<String, TelemetrySampleBatch> producer = new KafkaProducer<>(config,
                new StringSerializer(), values)) {
            for (long sent = 0; sent < perWorkout; sent += options.batch()) {
                for (Workload workload : workloads) {
                    List<TelemetrySample> batch = new ArrayList<>(options.batch());
                    for (long i = sent; i < Math.min(perWorkout, sent + options.batch()); i++) {
                        batch.add(workload.nextSample());
                    }
                    producer.send(new ProducerRecord<>(Topics.TELEMETRY_SAMPLE_BATCHES,
                            workload.workoutId.toString(), new TelemetrySampleBatch(batch)));
                }
            }
            producer.flush();
        }
        long produced = System.nanoTime();
        long reflected = lastSamples.awaitAll();
        long total = perWorkout * workloads.size();
        return new Direct(total, total / seconds(produced - start), total / seconds(reflected - start));
    }

    // --- 4. latency at a fixed load ---------------------------------------------------------------------------

    record Latency(int batches, long p50, long p99, long max, double achievedRate) {
    }

    private Latency latency(List<Workload> workloads) throws Exception {
        Map<String, Queue<long[]>> pending = new ConcurrentHashMap<>();
        for (Workload workload : workloads) {
            pending.put(workload.workoutId.toString(), new ConcurrentLinkedQueue<>());
        }
        Queue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        CountDownLatch positioned = new CountDownLatch(1);
        Thread watcher = Thread.ofPlatform().start(() -> watchLiveState(positioned, sending, (workoutId, applied) -> {
            Queue<long[]> waiting = pending.get(workoutId);
            if (waiting == null) {
                return;
            }
            long now = System.nanoTime();
            while (!waiting.isEmpty() && waiting.peek()[0] <= applied) {
                latencies.add(TimeUnit.NANOSECONDS.toMillis(now - waiting.poll()[1]));
            }
        }));
        try {
            positioned.await();
            return latency(workloads, pending, latencies);
        } finally {
            sending.set(false);
            watcher.join();
        }
    }

    private Latency latency(List<Workload> workloads, Map<String, Queue<long[]>> pending, Queue<Long> latencies)
            throws Exception {
        long warmUpEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long interval = TimeUnit.SECONDS.toNanos(1) * options.latencyBatch() * options.clients()
                / options.latencyRate();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(options.latencySeconds());
        AtomicLong sent = new AtomicLong();
        AtomicLong rateLimited = new AtomicLong();
        List<Runnable> clients = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            List<Workload> mine = workloads.subList(c * 4, c * 4 + 4);
            long offset = interval * c / options.clients();
            clients.add(() -> {
                long next = start + offset;
                int turn = 0;
                while (next < end && !Thread.currentThread().isInterrupted()) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    Workload workload = mine.get(turn++ % mine.size());
                    String batch = workload.nextBatch(options.latencyBatch());
                    long lastSequence = workload.nextSequence() - 1;
                    long sentAt = System.nanoTime();
                    if (sentAt > warmUpEnds) {
                        pending.get(workload.workoutId.toString()).add(new long[] {lastSequence, sentAt});
                    }
                    post(workload, batch, rateLimited);
                    sent.addAndGet(options.latencyBatch());
                    next += interval;
                }
            });
        }
        runClients(clients);
        double achieved = sent.get() / seconds(System.nanoTime() - start);
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pending.values().stream().anyMatch(queue -> !queue.isEmpty()) && System.nanoTime() < drainDeadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        Percentiles percentiles = new Percentiles(latencies.stream().mapToLong(Long::longValue).toArray());
        return new Latency(percentiles.count(), percentiles.at(50), percentiles.at(99), percentiles.max(), achieved);
    }

    /**
     * Follows the committed live states from the end of the topic (once positioned, counts {@code positioned} down),
     * handing each workout id and its applied last sequence number to {@code onState}, while {@code watching}.
     */
    private void watchLiveState(CountDownLatch positioned, AtomicBoolean watching,
            BiConsumer<String, Long> onState) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                RegistrySerdes.genericDeserializer(addresses.get("APICURIO_REGISTRY_URL")))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LIVE_WORKOUT_STATE).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (watching.get()) {
                consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                    if (record.value() != null) {
                        onState.accept(record.key(), (Long) record.value().get("lastSequenceNumber"));
                    }
                });
            }
        } finally {
            positioned.countDown();
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /**
     * Runs each client on its own thread until all are done. The first that fails interrupts the others and its
     * failure is thrown, instead of the run waiting for samples that will never come.
     */
    private static void runClients(List<Runnable> clients) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients.size())) {
            ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
            clients.forEach(client -> done.submit(client, null));
            for (int i = 0; i < clients.size(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw new IllegalStateException("a client failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }

    private String bootstrap() {
        return addresses.get("KAFKA_BOOTSTRAP_SERVERS");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "bench: " + format + "%n", args);
    }

    /** Command-line options; see the class comment for defaults. */
    record Options(String gateway, String devstack, long rawRecords, long samples, int workouts, int clients,
            long directSamples, int batch, int latencyRate, int latencyBatch, int latencySeconds, long warmupSamples,
            int warmupPasses, String out) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.ofEntries(
                    Map.entry("gateway", "http://127.0.0.1:8081"),
                    Map.entry("devstack", ".devstack/devstack.properties"),
                    Map.entry("raw-records", "1000000"),
                    Map.entry("samples", "1200000"),
                    Map.entry("workouts", "60"),
                    Map.entry("clients", "12"),
                    Map.entry("direct-samples", "600000"),
                    Map.entry("batch", "500"),
                    Map.entry("latency-rate", "20000"),
                    Map.entry("latency-batch", "100"),
                    Map.entry("latency-seconds", "30"),
                    Map.entry("warmup-samples", "300000"),
                    Map.entry("warmup-passes", "1"),
                    Map.entry("out", "benchmarks/results/" + LocalDate.now() + "-live-tracking.md")));
            for (int i = 0; i < args.length; i += 2) {
                String name = args[i].replaceFirst("^--", "");
                if (!values.containsKey(name) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown or incomplete option " + args[i]);
                }
                values.put(name, args[i + 1]);
            }
            return new Options(values.get("gateway"), values.get("devstack"),
                    Long.parseLong(values.get("raw-records")), Long.parseLong(values.get("samples")),
                    Integer.parseInt(values.get("workouts")), Integer.parseInt(values.get("clients")),
                    Long.parseLong(values.get("direct-samples")),
                    Integer.parseInt(values.get("batch")), Integer.parseInt(values.get("latency-rate")),
                    Integer.parseInt(values.get("latency-batch")), Integer.parseInt(values.get("latency-seconds")),
                    Long.parseLong(values.get("warmup-samples")), Integer.parseInt(values.get("warmup-passes")),
                    values.get("out"));
        }
    }
}
