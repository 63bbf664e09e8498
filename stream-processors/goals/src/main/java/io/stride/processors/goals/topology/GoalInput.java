package io.stride.processors.goals.topology;

import io.stride.platform.workoutfacts.WorkoutFact;
import io.stride.processors.goals.domain.Goal;

/** What an athlete's goals change on, all keyed by athlete id in one task. */
sealed interface GoalInput {

    /** A fact of one of the athlete's workouts. */
    record Fact(WorkoutFact fact) implements GoalInput {
    }

    /** The athlete set or changed a goal. */
    record GoalSet(Goal goal) implements GoalInput {
    }

    /** The athlete deleted a goal. */
    record GoalRemoved(String goalId) implements GoalInput {
    }

    /** The athlete's time zone: their goals' days, weeks, months and years. */
    record ZoneChanged(String zoneId) implements GoalInput {
    }

    /** The athlete was erased: everything of theirs goes, later records are dropped. */
    record Erased() implements GoalInput {
    }
}
