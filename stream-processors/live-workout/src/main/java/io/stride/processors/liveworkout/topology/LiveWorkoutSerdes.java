package io.stride.processors.liveworkout.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.UserKeyring;
import io.stride.processors.liveworkout.domain.LiveSession;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.workout.WorkoutOwner;

/**
 * The value serdes of the live-workout topology: the Avro contracts (registry-backed in production) and the session
 * store's internal binary format.
 *
 * @param samples telemetry sample batches (and the dead letters of samples that cannot be placed)
 * @param states published live state
 * @param workoutEvents every Workout event record type ({@code workouts.workout-events} carries several, and its
 *                      dead-letter topic the events of athletes who do not own the workout)
 * @param userMetrics athletes' body metrics
 * @param erasures users' right-to-erasure events
 * @param owners the athlete each workout belongs to (ADR 0012)
 */
public record LiveWorkoutSerdes(Serde<TelemetrySampleBatch> samples, Serde<LiveWorkoutState> states,
        Serde<SpecificRecord> workoutEvents, Serde<UserMetricsUpdated> userMetrics, Serde<UserErased> erasures,
        Serde<WorkoutOwner> owners) {

    /** Serdes backed by Apicurio Registry ({@link RegistrySerdes}). */
    public static LiveWorkoutSerdes withRegistry(String registryUrl, boolean autoRegister) {
        return new LiveWorkoutSerdes(RegistrySerdes.forValues(registryUrl, autoRegister),
                RegistrySerdes.forValues(registryUrl, autoRegister), RegistrySerdes.forValues(registryUrl, autoRegister),
                RegistrySerdes.forValues(registryUrl, autoRegister), RegistrySerdes.forValues(registryUrl, autoRegister),
                RegistrySerdes.forValues(registryUrl, autoRegister));
    }

    /**
     * The same serdes with telemetry batches and Workout events sealed with their users' telemetry keys (ADR 0010):
     * read sealed (or, written before sealing, plain), written sealed.
     */
    public LiveWorkoutSerdes sealedWith(UserKeyring keyring) {
        return new LiveWorkoutSerdes(new SealedSerde<>(samples, keyring, LiveWorkoutSerdes::userOfBatch), states,
                new SealedSerde<>(workoutEvents, keyring, SealedSerde::userOfEnvelope), userMetrics, erasures, owners);
    }

    static String userOfBatch(TelemetrySampleBatch batch) {
        return batch.getSamples().getFirst().getUserId().toString();
    }

    /** The session store's value serde. */
    public Serde<LiveSession> sessions() {
        return new LiveSessionSerde();
    }
}
