package io.stride.processors.goals.topology;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.stride.platform.workoutfacts.Figures;
import io.stride.platform.workoutfacts.WorkoutEntry;
import io.stride.processors.goals.domain.Goal;
import io.stride.processors.goals.domain.GoalWorkout;

/**
 * An athlete's part of the goals' stores, read the same way by {@link GoalsProcessor} (which evaluates the goals)
 * and the progress query (which answers them): their workouts as the goals count them, their goals, their zone, and
 * the key of a goal's fired period.
 */
public final class AthleteGoals {

    /** What {@link GoalsTopology#ATHLETES_STORE} holds for an erased athlete. */
    static final String ERASED = "!erased";
    private static final StringSerializer KEYS = new StringSerializer();

    private AthleteGoals() {
    }

    /** The athlete's workouts that count: completed, or going with their distance so far. */
    public static List<GoalWorkout> workouts(ReadOnlyKeyValueStore<String, WorkoutEntry> store, String athlete) {
        List<GoalWorkout> counted = new ArrayList<>();
        try (KeyValueIterator<String, WorkoutEntry> entries = store.prefixScan(athlete + "/", KEYS)) {
            entries.forEachRemaining(entry -> {
                GoalWorkout workout = workoutOf(entry.key.substring(athlete.length() + 1), entry.value);
                if (workout != null) {
                    counted.add(workout);
                }
            });
        }
        return counted;
    }

    /** The athlete's goals ({@link GoalsTopology#GOALS_STORE}). */
    public static List<Goal> goals(ReadOnlyKeyValueStore<String, byte[]> store, String athlete) {
        List<Goal> held = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.prefixScan(athlete + "/", KEYS)) {
            entries.forEachRemaining(entry -> {
                if (GoalCodec.decode(entry.value) instanceof GoalInput.GoalSet(Goal goal)) {
                    held.add(goal);
                }
            });
        }
        return held;
    }

    /** The zone of what {@link GoalsTopology#ATHLETES_STORE} holds for an athlete: UTC when none is known. */
    public static ZoneId zone(String stored) {
        try {
            return stored == null || ERASED.equals(stored) ? ZoneOffset.UTC : ZoneId.of(stored);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** The key of {@link GoalsTopology#FIRED_STORE} for a goal's period. */
    public static String firedKey(String athlete, String goalId, String periodId) {
        return athlete + "/" + goalId + "/" + periodId;
    }

    /** The workout as the goals count it: completed, or going with its distance so far; otherwise none. */
    static GoalWorkout workoutOf(String workoutId, WorkoutEntry entry) {
        if (!entry.counts() && !entry.inProgress()) {
            return null;
        }
        Figures figures = entry.contribution();
        return new GoalWorkout(workoutId, entry.countedSport(), figures.startedAt(), figures.endedAt(),
                entry.counts(), figures.distanceDecimeters() / 10.0, figures.movingMillis() / 1000.0,
                figures.elevationGainDecimeters() / 10.0, figures.caloriesDeciKcal() / 10.0, null);
    }
}
