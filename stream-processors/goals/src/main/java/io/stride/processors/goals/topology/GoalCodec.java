package io.stride.processors.goals.topology;

import static io.stride.platform.workoutfacts.BinaryFormat.read;
import static io.stride.platform.workoutfacts.BinaryFormat.readNullable;
import static io.stride.platform.workoutfacts.BinaryFormat.write;
import static io.stride.platform.workoutfacts.BinaryFormat.writeNullable;

import java.time.Instant;
import java.time.LocalDate;

import io.stride.platform.workoutfacts.BinaryFormat;
import io.stride.processors.goals.domain.Goal;
import io.stride.processors.goals.domain.GoalMetric;
import io.stride.processors.goals.domain.GoalPeriod;

/** A goal in the processors' {@link BinaryFormat}, in the goals store and on its way to its athlete's task. */
final class GoalCodec {

    private GoalCodec() {
    }

    /** A goal, or a deleted goal's id ({@code goal} null). */
    static byte[] encode(String goalId, Goal goal) {
        return write(out -> {
            out.writeUTF(goalId);
            out.writeBoolean(goal != null);
            if (goal != null) {
                out.writeUTF(goal.kind().name());
                writeNullable(out, goal.metric() == null ? null : goal.metric().name());
                writeNullable(out, goal.period() == null ? null : goal.period().name());
                writeNullable(out, goal.sport());
                out.writeDouble(goal.target());
                out.writeLong(goal.targetSeconds() == null ? -1 : goal.targetSeconds());
                out.writeLong(goal.deadline() == null ? Long.MIN_VALUE : goal.deadline().toEpochDay());
                out.writeLong(goal.createdAt().toEpochMilli());
                out.writeBoolean(goal.paused());
            }
        });
    }

    static GoalInput decode(byte[] bytes) {
        return read(bytes, in -> {
            String goalId = in.readUTF();
            if (!in.readBoolean()) {
                return new GoalInput.GoalRemoved(goalId);
            }
            Goal.Kind kind = Goal.Kind.valueOf(in.readUTF());
            String metric = readNullable(in);
            String period = readNullable(in);
            String sport = readNullable(in);
            double target = in.readDouble();
            long seconds = in.readLong();
            long deadline = in.readLong();
            return new GoalInput.GoalSet(new Goal(goalId, kind, metric == null ? null : GoalMetric.valueOf(metric),
                    period == null ? null : GoalPeriod.valueOf(period), sport, target, seconds < 0 ? null : seconds,
                    deadline == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(deadline),
                    Instant.ofEpochMilli(in.readLong()), in.readBoolean()));
        });
    }
}
