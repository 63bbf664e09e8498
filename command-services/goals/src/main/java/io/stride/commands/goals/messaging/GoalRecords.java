package io.stride.commands.goals.messaging;

import io.stride.commands.goals.domain.Goal;
import io.stride.commands.goals.domain.GoalDefinition;
import io.stride.schemas.common.SportType;

/** A goal as the {@code goals.goals} topic carries it. */
public final class GoalRecords {

    private GoalRecords() {
    }

    public static io.stride.schemas.goals.Goal toAvro(Goal goal) {
        GoalDefinition definition = goal.definition();
        return io.stride.schemas.goals.Goal.newBuilder()
                .setGoalId(goal.id())
                .setUserId(goal.userId())
                .setKind(definition.kind().wire())
                .setMetric(definition.metric() == null ? null : definition.metric().wire())
                .setPeriod(definition.period() == null ? null : definition.period().wire())
                .setSport(definition.sport() == null ? null : SportType.valueOf(definition.sport()))
                .setTarget(definition.target())
                .setTargetSeconds(definition.targetSeconds())
                .setDeadline(definition.deadline())
                .setPaused(goal.paused())
                .setVersion(goal.version())
                .setCreatedAt(goal.createdAt())
                .setUpdatedAt(goal.updatedAt())
                .build();
    }
}
