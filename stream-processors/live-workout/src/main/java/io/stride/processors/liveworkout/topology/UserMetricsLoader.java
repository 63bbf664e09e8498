package io.stride.processors.liveworkout.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.stride.schemas.users.UserMetricsUpdated;

/** Keeps the latest metrics per athlete in the global {@link LiveWorkoutTopology#USER_METRICS_STORE}. */
final class UserMetricsLoader implements Processor<String, UserMetricsUpdated, Void, Void> {

    private KeyValueStore<String, UserMetricsUpdated> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(LiveWorkoutTopology.USER_METRICS_STORE);
    }

    @Override
    public void process(Record<String, UserMetricsUpdated> record) {
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
