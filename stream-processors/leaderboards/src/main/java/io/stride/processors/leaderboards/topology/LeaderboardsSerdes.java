package io.stride.processors.leaderboards.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.UserKeyring;
import io.stride.platform.workoutfacts.FactCodec;
import io.stride.platform.workoutfacts.WorkoutEntry;
import io.stride.platform.workoutfacts.WorkoutFact;
import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.StateCodec;
import io.stride.processors.leaderboards.domain.Totals;
import io.stride.schemas.users.PublicProfile;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserMetricsUpdated;

/**
 * The value serdes of the leaderboards topology: the Avro contracts (registry-backed in production) and the internal
 * binary format of the repartitioned facts and the stores ({@link FactCodec}, {@link StateCodec}).
 *
 * @param workoutEvents every Workout event record type (and the dead letters of those that cannot count)
 * @param userMetrics athletes' metrics (their time zone), and the dead letters of unknown zones
 * @param erasures users' right-to-erasure events
 * @param profiles athletes' public profiles (display name, hidden from public boards)
 */
public record LeaderboardsSerdes(Serde<SpecificRecord> workoutEvents, Serde<UserMetricsUpdated> userMetrics,
        Serde<UserErased> erasures, Serde<PublicProfile> profiles) {

    /** Serdes backed by Apicurio Registry ({@link RegistrySerdes}). */
    public static LeaderboardsSerdes withRegistry(String registryUrl, boolean autoRegister) {
        return new LeaderboardsSerdes(RegistrySerdes.forValues(registryUrl, autoRegister),
                RegistrySerdes.forValues(registryUrl, autoRegister),
                RegistrySerdes.forValues(registryUrl, autoRegister),
                RegistrySerdes.forValues(registryUrl, autoRegister));
    }

    /**
     * The same serdes with Workout events sealed with their athletes' telemetry keys (ADR 0010): read sealed (or,
     * written before sealing, plain); dead letters written sealed.
     */
    public LeaderboardsSerdes sealedWith(UserKeyring keyring) {
        return new LeaderboardsSerdes(new SealedSerde<>(workoutEvents, keyring, SealedSerde::userOfEnvelope), userMetrics, erasures,
                profiles);
    }

    /** The facts on their way from the workout's task to the athlete's. */
    public Serde<WorkoutFact> facts() {
        return Serdes.serdeFrom((topic, fact) -> fact == null ? null : FactCodec.encode(fact),
                (topic, bytes) -> bytes == null ? null : FactCodec.decodeFact(bytes));
    }

    /** The athletes store's values. */
    public Serde<Athlete> athletes() {
        return Serdes.serdeFrom((topic, athlete) -> athlete == null ? null : StateCodec.encode(athlete),
                (topic, bytes) -> bytes == null ? null : StateCodec.decodeAthlete(bytes));
    }

    /** The athlete-workouts store's values. */
    public Serde<WorkoutEntry> entries() {
        return Serdes.serdeFrom((topic, entry) -> entry == null ? null : FactCodec.encode(entry),
                (topic, bytes) -> bytes == null ? null : FactCodec.decodeEntry(bytes));
    }

    /** The athlete-totals store's values. */
    public Serde<Totals> totals() {
        return Serdes.serdeFrom((topic, totals) -> totals == null ? null : StateCodec.encode(totals),
                (topic, bytes) -> bytes == null ? null : StateCodec.decodeTotals(bytes));
    }
}
