package io.stride.processors.goals.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A goal an athlete set (the goals service's {@code goals.Goal}), and when its workouts reach it.
 * <ul>
 *   <li>{@link Kind#PERIOD_TOTAL}: in each period (the athlete's day, ISO week, month or year of each workout's start)
 *       the workouts of its sport add up their metric; the period is reached by the workout whose figures take the
 *       running sum (in the order the workouts reached them) to the target. Every workout of the period counts, also
 *       those before the goal was set: "20 km this week" set on a Wednesday counts Monday's run; but periods before
 *       the one the goal was set in are never reached (no achievements for the past).</li>
 *   <li>{@link Kind#TOTAL_BY_DATE}: once, the workouts started from the goal's creation to the end of its deadline
 *       day (in the athlete's zone).</li>
 *   <li>{@link Kind#PERFORMANCE}: once, by the first completed workout started after the goal was set whose best
 *       effort over the distance ({@link BestEfforts}) is within the time.</li>
 *   <li>A paused goal is reached by nothing.</li>
 * </ul>
 *
 * @param goalId the goal
 * @param kind what it asks
 * @param metric what period_total and total_by_date count, else {@code null}
 * @param period a period_total's period, else {@code null}
 * @param sport the sport whose workouts count, {@code null} for any
 * @param target the amount; for performance, the distance in metres
 * @param targetSeconds for performance, the time, else {@code null}
 * @param deadline for total_by_date, the last day, else {@code null}
 * @param createdAt when it was set
 * @param paused whether the athlete paused it
 */
public record Goal(String goalId, Kind kind, GoalMetric metric, GoalPeriod period, String sport, double target,
        Long targetSeconds, LocalDate deadline, Instant createdAt, boolean paused) {

    /** What a goal asks. */
    public enum Kind {
        PERIOD_TOTAL, PERFORMANCE, TOTAL_BY_DATE
    }

    /** The period id of the one period of a total_by_date goal, and of a performance. */
    public static final String ONCE = "once";

    /**
     * A goal reached in one of its periods.
     *
     * @param periodId the period ({@link GoalPeriod#periodOf}, or {@link #ONCE})
     * @param value what was reached: the running sum when it crossed the target; for performance, the seconds
     * @param at when: the reaching workout's {@link GoalWorkout#reachedAt()}, or the goal's creation if that was later
     * @param workoutId the workout that reached it
     */
    public record Reached(String periodId, double value, Instant at, String workoutId) {
    }

    /** Every period in which {@code workouts} reach the goal, in the athlete's {@code zone}. */
    public List<Reached> reached(Collection<GoalWorkout> workouts, ZoneId zone) {
        if (paused) {
            return List.of();
        }
        List<GoalWorkout> counted = workouts.stream().filter(workout -> sport == null || sport.equals(workout.sport()))
                .sorted(Comparator.comparing(GoalWorkout::reachedAt).thenComparing(GoalWorkout::workoutId))
                .toList();
        return switch (kind) {
            case PERIOD_TOTAL -> {
                Map<String, List<GoalWorkout>> byPeriod = new LinkedHashMap<>();
                for (GoalWorkout workout : counted) {
                    byPeriod.computeIfAbsent(period.periodOf(dayOf(workout, zone)), p -> new ArrayList<>())
                            .add(workout);
                }
                // ids of one kind sort in time order (zero-padded): no period before the one the goal was set in
                String first = period.periodOf(createdAt.atZone(zone).toLocalDate());
                List<Reached> reached = new ArrayList<>();
                byPeriod.forEach((periodId, inPeriod) -> {
                    if (periodId.compareTo(first) >= 0) {
                        crossing(periodId, inPeriod).ifPresent(reached::add);
                    }
                });
                yield reached;
            }
            case TOTAL_BY_DATE -> crossing(ONCE, counted.stream().filter(workout ->
                    !workout.startedAt().isBefore(createdAt) && !dayOf(workout, zone).isAfter(deadline)).toList())
                    .stream().toList();
            case PERFORMANCE -> counted.stream()
                    .filter(workout -> workout.completed() && workout.track() != null
                            && !workout.startedAt().isBefore(createdAt))
                    .map(this::performance)
                    .flatMap(Optional::stream)
                    .limit(1)
                    .toList();
        };
    }

    /** The goal's type as {@code GoalAchieved} names it: {@code weekly_distance}, {@code total_distance_by_date}. */
    public String type() {
        String name = metric == null ? "" : metric.name().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case PERIOD_TOTAL -> switch (period) {
                case DAY -> "daily_";
                case WEEK -> "weekly_";
                case MONTH -> "monthly_";
                case YEAR -> "yearly_";
            } + name;
            case TOTAL_BY_DATE -> "total_" + name + "_by_date";
            case PERFORMANCE -> "performance";
        };
    }

    /** The id of the period the goal counts in at {@code now}, in {@code zone}: a period_total's, else {@link #ONCE}. */
    public String periodAt(Instant now, ZoneId zone) {
        return kind == Kind.PERIOD_TOTAL ? period.periodOf(now.atZone(zone).toLocalDate()) : ONCE;
    }

    /**
     * How far {@code workouts} are towards the goal in its period at {@code now}: the metric's sum over that period
     * (a total_by_date: over its window); {@code null} for a performance, which is reached or not.
     */
    public Double progress(Collection<GoalWorkout> workouts, ZoneId zone, Instant now) {
        if (kind == Kind.PERFORMANCE) {
            return null;
        }
        String current = periodAt(now, zone);
        return workouts.stream()
                .filter(workout -> sport == null || sport.equals(workout.sport()))
                .filter(workout -> kind == Kind.PERIOD_TOTAL
                        ? period.periodOf(dayOf(workout, zone)).equals(current)
                        : !workout.startedAt().isBefore(createdAt) && !dayOf(workout, zone).isAfter(deadline))
                .mapToDouble(metric::of)
                .sum();
    }

    private Optional<Reached> crossing(String periodId, List<GoalWorkout> inOrder) {
        double sum = 0;
        for (GoalWorkout workout : inOrder) {
            sum += metric.of(workout);
            if (sum >= target) {
                // a goal set when its period was already reached is reached as it is set
                Instant at = workout.reachedAt().isBefore(createdAt) ? createdAt : workout.reachedAt();
                return Optional.of(new Reached(periodId, sum, at, workout.workoutId()));
            }
        }
        return Optional.empty();
    }

    private Optional<Reached> performance(GoalWorkout workout) {
        GoalWorkout.Track track = workout.track();
        double[] meters = track.meters();
        if (meters.length < 2 || meters[meters.length - 1] - meters[0] < target) {
            return Optional.empty();
        }
        double seconds = BestEfforts.fastest(track.elapsedMillis(), meters, target).seconds();
        return seconds <= targetSeconds
                ? Optional.of(new Reached(ONCE, seconds, workout.reachedAt(), workout.workoutId()))
                : Optional.empty();
    }

    private static LocalDate dayOf(GoalWorkout workout, ZoneId zone) {
        return workout.startedAt().atZone(zone).toLocalDate();
    }
}
