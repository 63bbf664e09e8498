package io.stride.processors.leaderboards.api;

import java.util.List;

import io.stride.processors.leaderboards.domain.BoardKey;
import io.stride.processors.leaderboards.domain.Metric;
import io.stride.processors.leaderboards.topology.BoardReader;
import io.stride.processors.leaderboards.topology.BoardReader.Ranked;

/** The JSON answers of the board queries, values in the metric's display unit. */
final class BoardViews {

    private BoardViews() {
    }

    /** One athlete on a board, with the name boards show (null when none is known yet). */
    record EntryView(int rank, String athleteId, String displayName, double value) {
    }

    /** The top of a board. */
    record TopView(String board, String unit, long size, List<EntryView> entries) {
    }

    /**
     * An athlete's standing; {@code hidden}: the athlete, asking about themselves, hides from public boards, so this
     * is where they would stand were they shown (counted in {@code size}); nobody else sees it.
     */
    record StandingView(String board, String unit, long size, EntryView athlete, double topPercent,
            List<EntryView> above, List<EntryView> below, boolean hidden) {
    }

    /** The first {@code limit} entries of {@code board} and its size, as read by {@code reader}. */
    static TopView top(BoardKey board, int limit, BoardReader reader) {
        BoardReader.Top top = reader.top(board, limit);
        return new TopView(board.toString(), unit(board.metric()), top.size(), entries(board.metric(), top.entries()));
    }

    static String unit(Metric metric) {
        return switch (metric) {
            case DISTANCE, ELEVATION_GAIN, LONGEST -> "m";
            case MOVING_TIME -> "s";
            case CALORIES -> "kcal";
            case WORKOUTS -> "workouts";
        };
    }

    static EntryView entry(Metric metric, Ranked ranked) {
        long value = ranked.entry().value();
        double shown = switch (metric) {
            case DISTANCE, ELEVATION_GAIN, LONGEST, CALORIES -> value / 10.0;
            case MOVING_TIME -> value / 1000.0;
            case WORKOUTS -> value;
        };
        return new EntryView(ranked.rank(), ranked.entry().athleteId(), ranked.displayName(), shown);
    }

    static List<EntryView> entries(Metric metric, List<Ranked> ranked) {
        return ranked.stream().map(entry -> entry(metric, entry)).toList();
    }
}
