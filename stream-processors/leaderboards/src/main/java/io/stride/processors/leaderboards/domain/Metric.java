package io.stride.processors.leaderboards.domain;

import io.stride.platform.workoutfacts.Figures;

/**
 * What a board ranks, in integer units so that sums are exact and ties are real ties: a figure is rounded once, when
 * its workout is counted ({@link Figures}).
 */
public enum Metric {
    /** Distance, decimetres. */
    DISTANCE("distance"),
    /** Moving time (auto-pause), milliseconds. */
    MOVING_TIME("moving-time"),
    /** Elevation gained, decimetres. */
    ELEVATION_GAIN("elevation-gain"),
    /** Energy spent, tenths of a kilocalorie. */
    CALORIES("calories"),
    /** Workouts counted. */
    WORKOUTS("workouts"),
    /** The longest single workout's distance, decimetres (a maximum, not a sum). */
    LONGEST("longest");

    private final String path;

    Metric(String path) {
        this.path = path;
    }

    /** The metric as it appears in a board key and a URL. */
    public String path() {
        return path;
    }

    /** What {@code figures} add to a board of this metric (for {@link #LONGEST}, its candidate). */
    public long of(Figures figures) {
        return switch (this) {
            case DISTANCE, LONGEST -> figures.distanceDecimeters();
            case MOVING_TIME -> figures.movingMillis();
            case ELEVATION_GAIN -> figures.elevationGainDecimeters();
            case CALORIES -> figures.caloriesDeciKcal();
            case WORKOUTS -> 1;
        };
    }

    /** The metric of a path, or {@code null}. */
    public static Metric ofPath(String path) {
        for (Metric metric : values()) {
            if (metric.path.equals(path)) {
                return metric;
            }
        }
        return null;
    }
}
