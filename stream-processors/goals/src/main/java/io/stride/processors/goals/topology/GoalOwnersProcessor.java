package io.stride.processors.goals.topology;

import java.util.Locale;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.stride.platform.workoutfacts.DeadLetters;
import io.stride.processors.goals.domain.Goal;
import io.stride.processors.goals.domain.GoalMetric;
import io.stride.processors.goals.domain.GoalPeriod;

/**
 * The goals by goal id ({@code goals.goals}): each becomes its athlete's input, keyed by athlete. A tombstone (deleted)
 * carries no athlete: whose goal it was is kept ({@link GoalsTopology#GOAL_OWNERS_STORE}) to send the removal there.
 * A goal this processor cannot read (an unknown kind, metric or period: a newer goals service) is forwarded as it is,
 * with {@code stride.dlq.*} headers, to {@code goals.goals.dlq}.
 */
final class GoalOwnersProcessor implements Processor<String, io.stride.schemas.goals.Goal, String, Object> {

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, String> owners;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        owners = context.getStateStore(GoalsTopology.GOAL_OWNERS_STORE);
    }

    @Override
    public void process(Record<String, io.stride.schemas.goals.Goal> record) {
        String goalId = record.key();
        if (goalId == null) {
            return;
        }
        if (record.value() == null) {
            String owner = owners.delete(goalId);
            if (owner != null) {
                context.forward(record.<String>withKey(owner).<Object>withValue(new GoalInput.GoalRemoved(goalId)));
            }
            return;
        }
        Goal goal;
        try {
            goal = goalOf(record.value());
        } catch (IllegalArgumentException unreadable) {
            context.forward(record.<Object>withValue(record.value()).withHeaders(DeadLetters.headers(context, record,
                    "unknown_goal: " + unreadable.getMessage())));
            return;
        }
        String owner = record.value().getUserId().toString();
        owners.put(goalId, owner);
        context.forward(record.<String>withKey(owner).<Object>withValue(new GoalInput.GoalSet(goal)));
    }

    /** The goal as the domain sees it. */
    static Goal goalOf(io.stride.schemas.goals.Goal goal) {
        GoalMetric metric = goal.getMetric() == null ? null : GoalMetric.ofWire(goal.getMetric());
        GoalPeriod period = goal.getPeriod() == null ? null : GoalPeriod.ofWire(goal.getPeriod());
        if (goal.getMetric() != null && metric == null || goal.getPeriod() != null && period == null) {
            throw new IllegalArgumentException("metric " + goal.getMetric() + ", period " + goal.getPeriod());
        }
        return new Goal(goal.getGoalId().toString(), Goal.Kind.valueOf(goal.getKind().toUpperCase(Locale.ROOT)),
                metric, period, goal.getSport() == null ? null : goal.getSport().name(), goal.getTarget(), goal.getTargetSeconds(),
                goal.getDeadline(), goal.getCreatedAt(), goal.getPaused());
    }
}
