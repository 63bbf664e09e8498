package io.stride.processors.liveworkout.topology;

import org.apache.kafka.common.serialization.Serde;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySample;

/** The value serdes of the live-workout topology. */
public record LiveWorkoutSerdes(Serde<TelemetrySample> samples, Serde<LiveWorkoutState> states) {

    /** Serdes backed by Apicurio Registry (see {@link RegistrySerdes}). */
    public static LiveWorkoutSerdes withRegistry(String registryUrl, boolean autoRegister) {
        return new LiveWorkoutSerdes(RegistrySerdes.forValues(registryUrl, autoRegister),
                RegistrySerdes.forValues(registryUrl, autoRegister));
    }
}
