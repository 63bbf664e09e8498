package io.stride.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.schemas.Topics;

/**
 * Follows the committed live states on {@code workouts.live-state} (read_committed: what live-tracking serves) from
 * the end of the topic, handing each workout id and its applied last sequence number to a callback, on a thread of its
 * own until closed.
 */
final class LiveStates implements AutoCloseable {

    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread watcher;

    /** Returns once positioned at the end of the topic, so that nothing published after is missed. */
    LiveStates(Platform platform, BiConsumer<String, Long> onState) throws InterruptedException {
        CountDownLatch positioned = new CountDownLatch(1);
        watcher = Thread.ofPlatform().name("live-states").start(() -> watch(platform, positioned, onState));
        positioned.await();
    }

    /** Follows until every workload's sample number {@code last} is in a committed live state. */
    static LastSamples awaiting(Platform platform, List<Workload> workloads, long last) throws InterruptedException {
        return new LastSamples(platform, workloads, last);
    }

    private void watch(Platform platform, CountDownLatch positioned, BiConsumer<String, Long> onState) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                RegistrySerdes.genericDeserializer(platform.registryUrl()))) {
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

    @Override
    public void close() throws InterruptedException {
        watching.set(false);
        watcher.join();
    }

    /** Waits for every workload's last sample to be in a committed live state. */
    static final class LastSamples implements AutoCloseable {

        private final Map<String, Long> remaining = new ConcurrentHashMap<>();
        private final LiveStates states;

        private LastSamples(Platform platform, List<Workload> workloads, long last) throws InterruptedException {
            workloads.forEach(workload -> remaining.put(workload.workoutId.toString(), last));
            states = new LiveStates(platform, (workoutId, applied) ->
                    remaining.computeIfPresent(workoutId, (key, wanted) -> applied >= wanted ? null : wanted));
        }

        /** Waits (5 minutes at most); the {@code nanoTime} when the last one was seen. */
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

        @Override
        public void close() throws InterruptedException {
            states.close();
        }
    }
}
