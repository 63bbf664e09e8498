package io.stride.processors.leaderboards.topology;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.Totals;

/**
 * The stores of the athlete-stage tasks running on this instance, by partition, as their processor opened them: the
 * queries read them directly instead of through Kafka Streams' composite stores, which look the task up among all of
 * the instance's tasks on every get and every iterator (a third of a rank read's CPU). A task's stores are here from
 * the moment its processor starts (restored) until it closes (revoked, migrated, shut down); a read of a store closed
 * meanwhile fails with {@code InvalidStateStoreException}, as an interactive query does.
 */
public final class ActiveShards {

    /** One task's stores, read only. */
    public record Stores(ReadOnlyKeyValueStore<Bytes, byte[]> index, ReadOnlyKeyValueStore<Bytes, byte[]> counts,
            ReadOnlyKeyValueStore<String, Athlete> athletes, ReadOnlyKeyValueStore<String, Totals> totals) {

        /** The task's shard of the boards. */
        public LocalShard shard() {
            return new LocalShard(index, counts, athletes);
        }
    }

    private final ConcurrentHashMap<Integer, Stores> byPartition = new ConcurrentHashMap<>();

    void opened(int partition, Stores stores) {
        byPartition.put(partition, stores);
    }

    void closed(int partition, Stores stores) {
        byPartition.remove(partition, stores);
    }

    /** The stores of {@code partition}'s task, if it runs here. */
    public Optional<Stores> of(int partition) {
        return Optional.ofNullable(byPartition.get(partition));
    }
}
