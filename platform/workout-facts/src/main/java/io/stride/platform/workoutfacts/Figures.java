package io.stride.platform.workoutfacts;

import java.time.Instant;

/**
 * What one completed workout counts, in integer units (decimetres, milliseconds, tenths of a kilocalorie): rounded once
 * here, so that totals are exact sums and equal values are equal.
 *
 * @param startedAt when it started: the day, week, month and year it counts in (in the athlete's zone)
 * @param endedAt when it ended: when the athlete reached a value, for the tie order
 * @param distanceDecimeters distance
 * @param movingMillis moving time
 * @param elevationGainDecimeters elevation gained
 * @param caloriesDeciKcal energy spent, tenths of a kilocalorie
 */
public record Figures(Instant startedAt, Instant endedAt, long distanceDecimeters, long movingMillis,
        long elevationGainDecimeters, long caloriesDeciKcal) {

    /** The most a figure may be (some 10^15): sums of millions of workouts stay far from overflowing. */
    static final double MAX_FIGURE = 1e15;

    /**
     * The figures of a completed workout, rounded to the boards' units.
     *
     * @throws InvalidWorkout when a figure is negative or not a number, or the workout ends before it starts
     */
    public static Figures of(Instant startedAt, Instant endedAt, double distanceMeters, long movingMillis,
            double elevationGainMeters, double caloriesKcal) {
        long distance = tenths("distanceMeters", distanceMeters);
        check("movingMillis", movingMillis);
        long elevation = tenths("elevationGainMeters", elevationGainMeters);
        long calories = tenths("caloriesKcal", caloriesKcal);
        if (endedAt.isBefore(startedAt)) {
            throw new InvalidWorkout("invalid_times: ends at " + endedAt + " before it starts at " + startedAt);
        }
        return new Figures(startedAt, endedAt, distance, movingMillis, elevation, calories);
    }

    /**
     * A figure in tenths of its unit (metres to decimetres, kilocalories to tenths), checked as a completed workout's
     * figures are.
     *
     * @throws InvalidWorkout when it is negative or not a number
     */
    public static long tenths(String name, double value) {
        check(name, value);
        return Math.round(value * 10);
    }

    private static void check(String name, double value) {
        if (!Double.isFinite(value) || value < 0 || value > MAX_FIGURE) {
            throw new InvalidWorkout("invalid_figures: " + name + "=" + value);
        }
    }

    /** A workout event that cannot count; its message is the dead letter's reason ({@code code: detail}). */
    public static final class InvalidWorkout extends IllegalArgumentException {

        public InvalidWorkout(String reason) {
            super(reason);
        }
    }
}
