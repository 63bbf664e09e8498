package io.stride.commands.goals.domain;

import java.time.LocalDate;

/**
 * What an athlete asks of a goal, checked: each kind with the fields it needs and none it does not have.
 * <ul>
 *   <li>{@link GoalKind#PERIOD_TOTAL}: a metric, a period and a target amount.</li>
 *   <li>{@link GoalKind#PERFORMANCE}: a distance ({@code target}, metres) within {@code targetSeconds}, in one
 *       workout.</li>
 *   <li>{@link GoalKind#TOTAL_BY_DATE}: a metric, a target amount and a deadline, today or later.</li>
 * </ul>
 * Amounts are positive and finite; a number of workouts is whole. The sport is a sport's name or {@code null} (any).
 *
 * @param kind what it asks for
 * @param metric what it counts, or {@code null} (performance)
 * @param period its period, or {@code null} (other than period_total)
 * @param sport the sport whose workouts count, or {@code null}: any
 * @param target the amount in the metric's unit; for performance, the distance in metres
 * @param targetSeconds for performance, the time; otherwise {@code null}
 * @param deadline for total_by_date, the last day that counts; otherwise {@code null}
 */
public record GoalDefinition(GoalKind kind, GoalMetric metric, GoalPeriod period, String sport, double target,
        Long targetSeconds, LocalDate deadline) {

    /** The most goals an athlete may have. */
    public static final int MAX_GOALS = 100;
    /** The greatest amount a goal may ask: a billion of its unit. */
    public static final double MAX_TARGET = 1e9;
    /** The longest a performance may take: a week. */
    public static final long MAX_TARGET_SECONDS = 7 * 24 * 3600;

    public GoalDefinition {
        if (kind == null) {
            throw GoalError.invalid("kind", "kind must be one of period_total, performance, total_by_date");
        }
        switch (kind) {
            case PERIOD_TOTAL -> {
                require("metric", metric != null, "a period_total goal needs a metric");
                require("period", period != null, "a period_total goal needs a period: day, week, month or year");
                absent("target_seconds", targetSeconds, kind);
                absent("deadline", deadline, kind);
            }
            case PERFORMANCE -> {
                absent("metric", metric, kind);
                absent("period", period, kind);
                absent("deadline", deadline, kind);
                require("target_seconds", targetSeconds != null, "a performance goal needs target_seconds");
                require("target_seconds", targetSeconds > 0 && targetSeconds <= MAX_TARGET_SECONDS,
                        "target_seconds must be from 1 to " + MAX_TARGET_SECONDS + " (a week)");
            }
            case TOTAL_BY_DATE -> {
                require("metric", metric != null, "a total_by_date goal needs a metric");
                absent("period", period, kind);
                absent("target_seconds", targetSeconds, kind);
                require("deadline", deadline != null, "a total_by_date goal needs a deadline (a date)");
            }
        }
        String targetField = kind == GoalKind.PERFORMANCE ? "distance_meters" : "target";
        require(targetField, Double.isFinite(target) && target > 0 && target <= MAX_TARGET,
                targetField + " must be a number above 0 and at most " + (long) MAX_TARGET);
        require(targetField, metric != GoalMetric.WORKOUTS || target == Math.rint(target),
                "a number of workouts is a whole number");
    }

    /** The definition with what an edit changes: the amount, the time or the deadline; the rest stays. */
    public GoalDefinition edited(Double newTarget, Long newTargetSeconds, LocalDate newDeadline) {
        return new GoalDefinition(kind, metric, period, sport, newTarget != null ? newTarget : target,
                newTargetSeconds != null ? newTargetSeconds : targetSeconds,
                newDeadline != null ? newDeadline : deadline);
    }

    /** A total_by_date deadline must not be before {@code today} (the earliest day anywhere now). */
    public GoalDefinition requireDeadlineFrom(LocalDate today) {
        if (deadline != null && deadline.isBefore(today)) {
            throw GoalError.invalid("deadline", "the deadline " + deadline + " has passed");
        }
        return this;
    }

    private static void require(String field, boolean holds, String message) {
        if (!holds) {
            throw GoalError.invalid(field, message);
        }
    }

    private static void absent(String field, Object value, GoalKind kind) {
        require(field, value == null, "a " + kind.wire() + " goal has no " + field);
    }
}
