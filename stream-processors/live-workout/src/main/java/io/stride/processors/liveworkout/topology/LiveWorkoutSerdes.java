package io.stride.processors.liveworkout.topology;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.processors.liveworkout.domain.LiveSession;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserMetricsUpdated;

/**
 * The value serdes of the live-workout topology: the Avro contracts (registry-backed in production) and the session
 * store's internal binary format.
 *
 * @param samples telemetry sample batches (and the dead letters of samples that cannot be placed)
 * @param states published live state
 * @param workoutEvents every Workout event record type ({@code workouts.workout-events} carries several)
 * @param userMetrics athletes' body metrics
 * @param erasures users' right-to-erasure events
 */
public record LiveWorkoutSerdes(Serde<TelemetrySampleBatch> samples, Serde<LiveWorkoutState> states,
        Serde<SpecificRecord> workoutEvents, Serde<UserMetricsUpdated> userMetrics, Serde<UserErased> erasures) {

    /**
     * Serdes backed by Apicurio Registry, configured as {@link RegistrySerdes} does, with readers cached per schema
     * ({@link ReaderCachingDatumProvider}).
     */
    public static LiveWorkoutSerdes withRegistry(String registryUrl, boolean autoRegister) {
        return new LiveWorkoutSerdes(registry(registryUrl, autoRegister), registry(registryUrl, autoRegister),
                registry(registryUrl, autoRegister), registry(registryUrl, autoRegister),
                registry(registryUrl, autoRegister));
    }

    private static <T extends SpecificRecord> Serde<T> registry(String registryUrl, boolean autoRegister) {
        Map<String, Object> config = new HashMap<>(RegistrySerdes.config(registryUrl, autoRegister));
        config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, ReaderCachingDatumProvider.class.getName());
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config, false);
        return serde;
    }

    /** The session store's value serde. */
    public Serde<LiveSession> sessions() {
        return new LiveSessionSerde();
    }
}
