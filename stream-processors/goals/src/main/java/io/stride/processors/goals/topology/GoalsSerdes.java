package io.stride.processors.goals.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.stride.platform.workoutfacts.FactCodec;
import io.stride.platform.workoutfacts.WorkoutEntry;
import io.stride.platform.workoutfacts.WorkoutFact;
import io.stride.schemas.goals.Goal;
import io.stride.schemas.goals.GoalAchieved;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserMetricsUpdated;

/**
 * The goals topology's serdes: Avro for the topics (the Workout events sealed per athlete in production), the
 * processors' binary format for what is repartitioned and kept.
 *
 * @param workoutEvents every Workout event record type (and the dead letters of those that cannot count)
 * @param goals the goals service's goals
 * @param userMetrics athletes' metrics (their time zone)
 * @param erasures right-to-erasure events
 * @param achievements what this topology writes
 */
public record GoalsSerdes(Serde<SpecificRecord> workoutEvents, Serde<Goal> goals,
        Serde<UserMetricsUpdated> userMetrics, Serde<UserErased> erasures, Serde<GoalAchieved> achievements) {

    /** The facts on their way to their athlete's task. */
    public Serde<WorkoutFact> facts() {
        return Serdes.serdeFrom((topic, fact) -> fact == null ? null : FactCodec.encode(fact),
                (topic, bytes) -> bytes == null ? null : FactCodec.decodeFact(bytes));
    }

    /** The workouts' entries. */
    public Serde<WorkoutEntry> entries() {
        return Serdes.serdeFrom((topic, entry) -> entry == null ? null : FactCodec.encode(entry),
                (topic, bytes) -> bytes == null ? null : FactCodec.decodeEntry(bytes));
    }

    /** A goal set or removed, on its way to its athlete's task. */
    Serde<GoalInput> goalChanges() {
        return Serdes.serdeFrom((topic, change) -> switch (change) {
            case null -> null;
            case GoalInput.GoalSet(io.stride.processors.goals.domain.Goal goal) -> GoalCodec.encode(goal.goalId(),
                    goal);
            case GoalInput.GoalRemoved(String goalId) -> GoalCodec.encode(goalId, null);
            default -> throw new IllegalArgumentException("not a goal change: " + change);
        }, (topic, bytes) -> bytes == null ? null : GoalCodec.decode(bytes));
    }
}
