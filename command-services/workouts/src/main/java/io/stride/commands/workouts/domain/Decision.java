package io.stride.commands.workouts.domain;

import java.util.List;

/** The answer to a command: the events to append (none when nothing changes), or why not. */
public sealed interface Decision {

    /** Accepted; {@code events} empty when the command changes nothing (a replay, a tag already there). */
    record Accepted(List<WorkoutEvent> events) implements Decision {

        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** Refused; nothing is appended. */
    record Rejected(WorkoutError error) implements Decision {
    }

    static Decision accept(WorkoutEvent... events) {
        return new Accepted(List.of(events));
    }

    static Decision reject(WorkoutError error) {
        return new Rejected(error);
    }
}
