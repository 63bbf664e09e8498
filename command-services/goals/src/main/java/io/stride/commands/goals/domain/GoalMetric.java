package io.stride.commands.goals.domain;

import java.util.Arrays;
import java.util.Locale;

/** What a period_total or total_by_date goal counts, each in its unit. */
public enum GoalMetric {
    /** Metres. */
    DISTANCE,
    /** Seconds in motion. */
    MOVING_TIME,
    /** Metres climbed. */
    ELEVATION_GAIN,
    /** Kilocalories. */
    CALORIES,
    /** Workouts completed (a whole number). */
    WORKOUTS;

    /** As the API and the {@code Goal} record name it: {@code moving_time}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The metric of a wire name, or {@code null}. */
    public static GoalMetric ofWire(String wire) {
        return Arrays.stream(values()).filter(metric -> metric.wire().equals(wire)).findFirst().orElse(null);
    }
}
