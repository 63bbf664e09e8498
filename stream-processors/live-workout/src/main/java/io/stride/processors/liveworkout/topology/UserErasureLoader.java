package io.stride.processors.liveworkout.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.stride.schemas.users.UserErased;

/**
 * Keeps every erased user id in the global {@link LiveWorkoutTopology#ERASED_USERS_STORE} (all partitions of the
 * compacted erasure topic, on every instance: the erasure is keyed by user id, the sessions by workout id).
 */
final class UserErasureLoader implements Processor<String, UserErased, Void, Void> {

    private KeyValueStore<String, UserErased> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(LiveWorkoutTopology.ERASED_USERS_STORE);
    }

    @Override
    public void process(Record<String, UserErased> record) {
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
