package io.stride.processors.leaderboards.domain;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

/** The periods a board covers, each counted in the athlete's own time zone on the day a workout started. */
public enum PeriodKind {
    /** A calendar day: {@code 2025-06-01}. */
    DAY("day"),
    /**
     * A calendar day, live: the distance of the day's completed workouts plus that of its workouts still in progress
     * (their latest progress update), settling to the completed figure when each ends: {@code 2025-06-01}. Distance
     * only.
     */
    LIVE("live"),
    /** An ISO week (Monday to Sunday, numbered in its week-based year): {@code 2026-W01}. */
    WEEK("week"),
    /** A calendar month: {@code 2025-06}. */
    MONTH("month"),
    /** A calendar year: {@code 2025}. */
    YEAR("year"),
    /** All time: {@code all}. */
    ALL("all");

    private final String path;

    PeriodKind(String path) {
        this.path = path;
    }

    /** The kind as it appears in a board key and a URL. */
    public String path() {
        return path;
    }

    /** The id of the period of this kind that holds {@code day}. */
    public String periodOf(LocalDate day) {
        return switch (this) {
            case DAY, LIVE -> day.toString();
            case WEEK -> String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%04d-%02d", day.getYear(), day.getMonthValue());
            case YEAR -> String.format("%04d", day.getYear());
            case ALL -> "all";
        };
    }

    /** The metrics its boards rank: every one, but the live day ranks distance only. */
    public List<Metric> metrics() {
        return this == LIVE ? LIVE_METRICS : ALL_METRICS;
    }

    private static final List<Metric> ALL_METRICS = List.of(Metric.values());
    private static final List<Metric> LIVE_METRICS = List.of(Metric.DISTANCE);

    /** The kind of a path, or {@code null}. */
    public static PeriodKind ofPath(String path) {
        for (PeriodKind kind : values()) {
            if (kind.path.equals(path)) {
                return kind;
            }
        }
        return null;
    }
}
