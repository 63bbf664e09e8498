package io.stride.processors.liveworkout.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest value per key of a compacted topic in a global store, on every instance (all partitions): the
 * athletes' metrics ({@link LiveWorkoutTopology#USER_METRICS_STORE}) and the erased user ids
 * ({@link LiveWorkoutTopology#ERASED_USERS_STORE}), both keyed by user id while sessions are keyed by workout id.
 * A tombstone removes the key.
 */
final class GlobalStoreLoader<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, V> store;

    GlobalStoreLoader(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
