package io.stride.commands.users.domain;

import java.util.List;

/** A profile change whose metrics, together with the ones kept, break a rule (a resting heart rate not below the max). */
public final class InvalidAthleteMetrics extends UsersError {

    private final List<AthleteMetrics.Violation> violations;

    public InvalidAthleteMetrics(List<AthleteMetrics.Violation> violations) {
        super("invalid athlete metrics");
        this.violations = List.copyOf(violations);
    }

    public List<AthleteMetrics.Violation> violations() {
        return violations;
    }
}
