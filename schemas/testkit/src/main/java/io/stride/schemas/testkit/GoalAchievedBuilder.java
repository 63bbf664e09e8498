package io.stride.schemas.testkit;

import java.time.Instant;
import java.util.UUID;

import io.stride.schemas.goals.GoalAchieved;
import io.stride.schemas.goals.GoalAchievedData;

/**
 * Builds a {@link GoalAchieved}. Defaults: random event, goal, user and workout ids; goal type
 * "weekly_distance", target 20,000, achieved 21,000, reached 45 minutes after {@link EventBuilders#WORKOUT_START}
 * (when the default workout completes).
 */
public final class GoalAchievedBuilder {

    private UUID eventId = UUID.randomUUID();
    private UUID goalId = UUID.randomUUID();
    private UUID userId = UUID.randomUUID();
    private String goalType = "weekly_distance";
    private double targetValue = 20_000.0;
    private double achievedValue = 21_000.0;
    private UUID workoutId = UUID.randomUUID();
    private Instant achievedAt = EventBuilders.WORKOUT_START.plusSeconds(45 * 60);

    GoalAchievedBuilder() {
    }

    /** The event id consumers deduplicate on. */
    public GoalAchievedBuilder eventId(UUID eventId) {
        this.eventId = eventId;
        return this;
    }

    /** The goal reached. */
    public GoalAchievedBuilder goalId(UUID goalId) {
        this.goalId = goalId;
        return this;
    }

    /** The athlete, which is also the record key. */
    public GoalAchievedBuilder userId(UUID userId) {
        this.userId = userId;
        return this;
    }

    /** The kind of goal, e.g. "weekly_distance". */
    public GoalAchievedBuilder goalType(String goalType) {
        this.goalType = goalType;
        return this;
    }

    /** The value the goal asked for. */
    public GoalAchievedBuilder targetValue(double targetValue) {
        this.targetValue = targetValue;
        return this;
    }

    /** The value reached. */
    public GoalAchievedBuilder achievedValue(double achievedValue) {
        this.achievedValue = achievedValue;
        return this;
    }

    /** The workout that completed the goal, or {@code null}. */
    public GoalAchievedBuilder workoutId(UUID workoutId) {
        this.workoutId = workoutId;
        return this;
    }

    /** When the goal was reached: the envelope {@code timestamp} and {@code achievedAt}. */
    public GoalAchievedBuilder at(Instant achievedAt) {
        this.achievedAt = achievedAt;
        return this;
    }

    /** The event. */
    public GoalAchieved build() {
        return GoalAchieved.newBuilder()
                .setEventId(eventId)
                .setTimestamp(achievedAt)
                .setData(GoalAchievedData.newBuilder()
                        .setGoalId(goalId)
                        .setUserId(userId)
                        .setGoalType(goalType)
                        .setTargetValue(targetValue)
                        .setAchievedValue(achievedValue)
                        .setWorkoutId(workoutId)
                        .setAchievedAt(achievedAt)
                        .build())
                .build();
    }
}
