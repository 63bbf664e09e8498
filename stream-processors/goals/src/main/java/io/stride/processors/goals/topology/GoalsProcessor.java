package io.stride.processors.goals.topology;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Metrics;

import io.stride.platform.kafka.DeadLetterHandler;
import io.stride.platform.workoutfacts.Figures;
import io.stride.platform.workoutfacts.WorkoutEntry;
import io.stride.platform.workoutfacts.WorkoutFact;
import io.stride.processors.goals.domain.Goal;
import io.stride.processors.goals.domain.GoalWorkout;
import io.stride.schemas.goals.GoalAchieved;
import io.stride.schemas.goals.GoalAchievedData;

/**
 * The athlete stage: each workout's entry ({@link WorkoutEntry}), the athlete's goals and zone, and which goal was
 * reached in which period. On a change, the goals it may concern are evaluated over all of the athlete's workouts
 * ({@link Goal#reached}); a goal reached in a period it was not reached in before fires one {@code GoalAchieved}
 * (key athlete id; its event id derived from the goal and the period) and is remembered as fired in
 * {@link GoalsTopology#FIRED_STORE}, in the same transaction (exactly once). A fired period never fires again, even
 * if its workouts are later cancelled (ADR 0018); a deleted goal forgets its periods. An erased athlete's workouts,
 * goals and periods are deleted, and their later records dropped.
 */
final class GoalsProcessor implements Processor<String, GoalInput, String, GoalAchieved> {

    private static final Logger LOG = Logger.getLogger(GoalsProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();
    private static final String ERASED = "!erased";

    private ProcessorContext<String, GoalAchieved> context;
    private KeyValueStore<String, WorkoutEntry> workouts;
    private KeyValueStore<String, byte[]> goals;
    private KeyValueStore<String, String> athletes;
    private KeyValueStore<String, Long> fired;

    @Override
    public void init(ProcessorContext<String, GoalAchieved> context) {
        this.context = context;
        workouts = context.getStateStore(GoalsTopology.WORKOUTS_STORE);
        goals = context.getStateStore(GoalsTopology.GOALS_STORE);
        athletes = context.getStateStore(GoalsTopology.ATHLETES_STORE);
        fired = context.getStateStore(GoalsTopology.FIRED_STORE);
    }

    @Override
    public void process(Record<String, GoalInput> record) {
        String athlete = record.key();
        if (athlete == null || record.value() == null) {
            return;
        }
        if (ERASED.equals(athletes.get(athlete))) {
            Metrics.counter(DeadLetterHandler.ERASED_RECORDS_METRIC, "topic", "goals-athlete-inputs").increment();
            return;
        }
        switch (record.value()) {
            case GoalInput.Fact(WorkoutFact fact) -> {
                String key = athlete + "/" + fact.workoutId();
                WorkoutEntry previous = workouts.get(key);
                WorkoutEntry next = WorkoutEntry.apply(previous, fact);
                if (!next.equals(previous)) {
                    workouts.put(key, next);
                    evaluate(athlete, goalsOf(athlete));
                }
            }
            case GoalInput.GoalSet(Goal goal) -> {
                goals.put(athlete + "/" + goal.goalId(), GoalCodec.encode(goal.goalId(), goal));
                evaluate(athlete, List.of(goal));
            }
            case GoalInput.GoalRemoved(String goalId) -> {
                goals.delete(athlete + "/" + goalId);
                deleteAll(fired, athlete + "/" + goalId + "/");
            }
            case GoalInput.ZoneChanged(String zoneId) -> {
                athletes.put(athlete, zoneId);
                evaluate(athlete, goalsOf(athlete));
            }
            case GoalInput.Erased erased -> {
                deleteAll(workouts, athlete + "/");
                deleteAll(goals, athlete + "/");
                deleteAll(fired, athlete + "/");
                athletes.put(athlete, ERASED);
                LOG.debugf("athlete erased from the goals athleteId=%s", athlete);
            }
        }
    }

    private void evaluate(String athlete, List<Goal> concerned) {
        if (concerned.isEmpty()) {
            return;
        }
        List<GoalWorkout> counted = new ArrayList<>();
        try (KeyValueIterator<String, WorkoutEntry> entries = workouts.prefixScan(athlete + "/", KEYS)) {
            while (entries.hasNext()) {
                KeyValue<String, WorkoutEntry> next = entries.next();
                GoalWorkout workout = workoutOf(next.key.substring(athlete.length() + 1), next.value);
                if (workout != null) {
                    counted.add(workout);
                }
            }
        }
        ZoneId zone = zoneOf(athlete);
        for (Goal goal : concerned) {
            for (Goal.Reached reached : goal.reached(counted, zone)) {
                String key = athlete + "/" + goal.goalId() + "/" + reached.periodId();
                if (fired.get(key) != null) {
                    continue;
                }
                fired.put(key, reached.at().toEpochMilli());
                context.forward(new Record<>(athlete, achieved(athlete, goal, reached), reached.at().toEpochMilli()));
                LOG.infof("goal achieved goalId=%s userId=%s period=%s workoutId=%s", goal.goalId(), athlete,
                        reached.periodId(), reached.workoutId());
            }
        }
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

    private static GoalAchieved achieved(String athlete, Goal goal, Goal.Reached reached) {
        return GoalAchieved.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((goal.goalId() + "/" + reached.periodId()).getBytes(
                        StandardCharsets.UTF_8)))
                .setTimestamp(reached.at())
                .setData(GoalAchievedData.newBuilder()
                        .setGoalId(UUID.fromString(goal.goalId()))
                        .setUserId(UUID.fromString(athlete))
                        .setGoalType(typeOf(goal))
                        .setTargetValue(goal.target())
                        .setAchievedValue(reached.value())
                        .setWorkoutId(UUID.fromString(reached.workoutId()))
                        .setAchievedAt(reached.at())
                        .build())
                .build();
    }

    /** {@code weekly_distance}, {@code total_distance_by_date}, {@code performance}. */
    static String typeOf(Goal goal) {
        String metric = goal.metric() == null ? "" : goal.metric().name().toLowerCase(Locale.ROOT);
        return switch (goal.kind()) {
            case PERIOD_TOTAL -> switch (goal.period()) {
                case DAY -> "daily_";
                case WEEK -> "weekly_";
                case MONTH -> "monthly_";
                case YEAR -> "yearly_";
            } + metric;
            case TOTAL_BY_DATE -> "total_" + metric + "_by_date";
            case PERFORMANCE -> "performance";
        };
    }

    private List<Goal> goalsOf(String athlete) {
        List<Goal> held = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = goals.prefixScan(athlete + "/", KEYS)) {
            entries.forEachRemaining(entry -> {
                if (GoalCodec.decode(entry.value) instanceof GoalInput.GoalSet(Goal goal)) {
                    held.add(goal);
                }
            });
        }
        return held;
    }

    private ZoneId zoneOf(String athlete) {
        String zone = athletes.get(athlete);
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    private static <V> void deleteAll(KeyValueStore<String, V> store, String prefix) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> entries = store.prefixScan(prefix, KEYS)) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }
}
