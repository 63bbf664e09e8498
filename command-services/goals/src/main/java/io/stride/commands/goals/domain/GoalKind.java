package io.stride.commands.goals.domain;

import java.util.Arrays;
import java.util.Locale;

/** What a goal asks for. */
public enum GoalKind {
    /** An amount of a metric per day, week, month or year, again each period (20 km of running a week). */
    PERIOD_TOTAL,
    /** A distance within a time in one workout (5 km under 25 minutes). */
    PERFORMANCE,
    /** An amount of a metric once, from the goal's creation to its deadline (500 km by 31 August). */
    TOTAL_BY_DATE;

    /** As the API and the {@code Goal} record name it: {@code period_total}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a wire name, or {@code null}. */
    public static GoalKind ofWire(String wire) {
        return Arrays.stream(values()).filter(kind -> kind.wire().equals(wire)).findFirst().orElse(null);
    }
}
