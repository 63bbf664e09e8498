package io.stride.processors.goals.topology;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Metrics;

import io.stride.platform.kafka.DeadLetterHandler;
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
        if (AthleteGoals.ERASED.equals(athletes.get(athlete))) {
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
                    evaluate(athlete, AthleteGoals.goals(goals, athlete));
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
                evaluate(athlete, AthleteGoals.goals(goals, athlete));
            }
            case GoalInput.Erased erased -> {
                deleteAll(workouts, athlete + "/");
                deleteAll(goals, athlete + "/");
                deleteAll(fired, athlete + "/");
                athletes.put(athlete, AthleteGoals.ERASED);
                LOG.debugf("athlete erased from the goals athleteId=%s", athlete);
            }
        }
    }

    private void evaluate(String athlete, List<Goal> concerned) {
        if (concerned.isEmpty()) {
            return;
        }
        List<GoalWorkout> counted = AthleteGoals.workouts(workouts, athlete);
        ZoneId zone = AthleteGoals.zone(athletes.get(athlete));
        for (Goal goal : concerned) {
            for (Goal.Reached reached : goal.reached(counted, zone)) {
                String key = AthleteGoals.firedKey(athlete, goal.goalId(), reached.periodId());
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

    private static GoalAchieved achieved(String athlete, Goal goal, Goal.Reached reached) {
        return GoalAchieved.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((goal.goalId() + "/" + reached.periodId()).getBytes(
                        StandardCharsets.UTF_8)))
                .setTimestamp(reached.at())
                .setData(GoalAchievedData.newBuilder()
                        .setGoalId(UUID.fromString(goal.goalId()))
                        .setUserId(UUID.fromString(athlete))
                        .setGoalType(goal.type())
                        .setTargetValue(goal.target())
                        .setAchievedValue(reached.value())
                        .setWorkoutId(UUID.fromString(reached.workoutId()))
                        .setAchievedAt(reached.at())
                        .build())
                .build();
    }

    private static <V> void deleteAll(KeyValueStore<String, V> store, String prefix) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> entries = store.prefixScan(prefix, KEYS)) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }
}
