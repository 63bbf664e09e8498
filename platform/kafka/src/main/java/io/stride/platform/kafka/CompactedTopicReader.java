package io.stride.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Reads a whole compacted topic into the caller's memory and then follows it: a plain consumer assigned to every
 * partition, without a consumer group or committed offsets, that reads from the beginning at each start. For the
 * small tables every instance of an app needs in full (device credentials, telemetry keys), where Kafka Streams'
 * GlobalKTable would cost a Streams runtime, a state directory and RocksDB.
 *
 * <p>Each record goes to the {@link Handler} (a null value is a tombstone). A record without a key, or one the handler
 * throws on, goes to {@code <topic>.dlq} with the reason in {@link DeadLetterHandler#REASON_HEADER}; the handler
 * decides what an unreadable record means for its table (typically: forget the key, fail closed).
 */
public final class CompactedTopicReader implements AutoCloseable {

    /** What to do with each record. */
    @FunctionalInterface
    public interface Handler {

        /** Applies one record; a null value is a tombstone. Throwing sends the record to the dead-letter topic. */
        void apply(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(CompactedTopicReader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final String topic;
    private final String bootstrapServers;
    private final Handler handler;
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong deadLetters = new AtomicLong();
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<Void>> latestRequest = new AtomicReference<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread reader;
    private KafkaProducer<String, byte[]> deadLetterProducer;

    public CompactedTopicReader(String topic, String bootstrapServers, Handler handler) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.handler = handler;
    }

    /** Starts reading on a daemon thread of its own. */
    public synchronized CompactedTopicReader start() {
        if (!running) {
            running = true;
            reader = Thread.ofPlatform().name(topic + "-reader").daemon().start(this::readForever);
        }
        return this;
    }

    /** Read up to the end offsets seen when reading started. */
    public boolean caughtUp() {
        return caughtUp.isDone();
    }

    /** Waits until {@link #caughtUp()}; false when the time ran out. */
    public boolean awaitCaughtUp(Duration timeout) {
        return await(caughtUp, timeout);
    }

    /**
     * Waits until everything written to the topic before this call has been applied: for a caller who expects a
     * record that may have just been written. False when the time ran out.
     */
    public boolean awaitLatest(Duration timeout) {
        return await(latest(), timeout);
    }

    /**
     * Completes, on the reader's thread, once everything written to the topic before this call has been applied:
     * {@link #awaitLatest} for a caller that must not block. Concurrent callers share one request; it never completes
     * while the topic cannot be read, so callers bound their wait.
     */
    public CompletableFuture<Void> latest() {
        return latestRequest.updateAndGet(
                current -> current == null || current.isDone() ? new CompletableFuture<>() : current);
    }

    /** Records not yet read, -1 before the first poll. */
    public long lag() {
        return lag.get();
    }

    /** Records sent to the dead-letter topic since start. */
    public long deadLetters() {
        return deadLetters.get();
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(5));
        }
    }

    private static boolean await(CompletableFuture<Void> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void readForever() {
        while (running) {
            try (KafkaConsumer<String, byte[]> current = newConsumer()) {
                consumer = current;
                read(current);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.errorf(e, "reading %s failed; reading it again from the beginning", topic);
                pause();
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> current) {
        List<TopicPartition> partitions = partitions(current);
        current.assign(partitions);
        current.seekToBeginning(partitions);
        Map<TopicPartition, Long> target = current.endOffsets(partitions);
        LOG.infof("reading %s partitions=%d up to offsets %s", topic, partitions.size(), target.values());
        CompletableFuture<Void> request = null;
        Map<TopicPartition, Long> requestTarget = null;
        while (running) {
            for (ConsumerRecord<String, byte[]> record : current.poll(POLL_TIMEOUT)) {
                apply(record);
            }
            if (request == null && latestRequest.get() != null && !latestRequest.get().isDone()) {
                request = latestRequest.get();
                requestTarget = current.endOffsets(partitions);
            }
            updateLag(current, partitions);
            if (!caughtUp.isDone() && reached(current, target)) {
                caughtUp.complete(null);
                LOG.infof("%s caught up", topic);
            }
            if (request != null && reached(current, requestTarget)) {
                request.complete(null);
                request = null;
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> current, Map<TopicPartition, Long> target) {
        return target.entrySet().stream().allMatch(end -> current.position(end.getKey()) >= end.getValue());
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> current) {
        while (running) {
            List<TopicPartition> partitions = current.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            LOG.warnf("topic %s not found yet; waiting for it", topic);
            pause();
        }
        throw new WakeupException();
    }

    private void updateLag(KafkaConsumer<String, byte[]> current, List<TopicPartition> partitions) {
        long total = 0;
        for (TopicPartition partition : partitions) {
            var partitionLag = current.currentLag(partition);
            if (partitionLag.isEmpty()) {
                return;
            }
            total += partitionLag.getAsLong();
        }
        lag.set(total);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            deadLetter(record, "record without a key");
            return;
        }
        try {
            handler.apply(record);
        } catch (Exception e) {
            deadLetter(record, "unreadable " + topic + " record: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, topic + "-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("%s record to the dead-letter topic partition=%d offset=%d reason=%s", topic, record.partition(),
                record.offset(), reason);
        try {
            if (deadLetterProducer == null) {
                deadLetterProducer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                        new StringSerializer(), new ByteArraySerializer());
            }
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.add(DeadLetterHandler.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            deadLetterProducer.send(new ProducerRecord<>(topic + ".dlq", null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
            deadLetters.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The handler has already failed closed on the record; only its inspection copy is missing.
            LOG.errorf(e, "could not dead-letter %s record partition=%d offset=%d", topic, record.partition(),
                    record.offset());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_BACKOFF);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
