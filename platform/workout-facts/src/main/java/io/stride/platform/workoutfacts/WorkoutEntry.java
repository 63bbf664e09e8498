package io.stride.platform.workoutfacts;

import java.time.Instant;

/**
 * What is kept of one workout of an athlete: replaced, never added to, so a re-delivered event changes nothing, and a
 * workout's contribution can be retracted (ADR 0016). Every rule picks by event time, so the entry is
 * the same whatever order its facts arrive in.
 *
 * <ul>
 *   <li>Figures: those of the {@code WorkoutCompleted} with the latest event time (an equal time keeps the first).</li>
 *   <li>Sport: that of the latest event (by event time) that names one: the start, the completion or an athlete's
 *       edit.</li>
 *   <li>In progress (started, not completed): its latest progress update's distance (an equal time keeps the
 *       greater), on its live day only.</li>
 *   <li>A cancel is for good: a completion re-delivered after it does not count.</li>
 * </ul>
 *
 * @param status whether it counts
 * @param sport the sport's name, or {@code null} when no event named one yet ({@link #DEFAULT_SPORT} then)
 * @param sportAt the event time of the sport, or {@code null}
 * @param figures the figures, or {@code null} before the completion
 * @param figuresAt the event time of the figures, or {@code null}
 * @param startedAt when the workout started, from its {@code WorkoutStarted} (the earliest, were there two), or
 *     {@code null}
 * @param liveDecimeters the distance of its latest progress update (0 before one)
 * @param liveAt the event time of that update, or {@code null}
 */
public record WorkoutEntry(Status status, String sport, Instant sportAt, Figures figures, Instant figuresAt,
        Instant startedAt, long liveDecimeters, Instant liveAt) {

    /** The sport of a workout no event named a sport for (the contract's enum default). */
    public static final String DEFAULT_SPORT = "OTHER";

    /** Whether a workout counts. */
    public enum Status {
        /** Not completed: in progress when started, otherwise kept (a sport edit may be newer than the completion's
         *  sport) and not counted. */
        PENDING,
        /** Completed: counted. */
        COUNTED,
        /** Cancelled or deleted: never counted again. */
        CANCELLED
    }

    private static final WorkoutEntry NEW = new WorkoutEntry(Status.PENDING, null, null, null, null, null, 0, null);
    private static final WorkoutEntry CANCELLED =
            new WorkoutEntry(Status.CANCELLED, null, null, null, null, null, 0, null);

    /** The entry after {@code fact}, from none ({@code null}) or {@code previous}. */
    public static WorkoutEntry apply(WorkoutEntry previous, WorkoutFact fact) {
        WorkoutEntry entry = previous != null ? previous : NEW;
        if (entry.status == Status.CANCELLED) {
            return entry;
        }
        return switch (fact) {
            case WorkoutFact.Cancelled cancelled -> CANCELLED;
            case WorkoutFact.Completed completed -> {
                boolean newerFigures = entry.figuresAt == null || completed.at().isAfter(entry.figuresAt);
                WorkoutEntry counted = new WorkoutEntry(Status.COUNTED, entry.sport, entry.sportAt,
                        newerFigures ? completed.figures() : entry.figures,
                        newerFigures ? completed.at() : entry.figuresAt,
                        entry.startedAt, entry.liveDecimeters, entry.liveAt);
                yield completed.sport() == null ? counted : counted.withSport(completed.sport(), completed.at());
            }
            case WorkoutFact.SportChanged changed -> entry.withSport(changed.sport(), changed.at());
            case WorkoutFact.Started started -> {
                Instant start = entry.startedAt == null || started.startedAt().isBefore(entry.startedAt)
                        ? started.startedAt() : entry.startedAt;
                yield new WorkoutEntry(entry.status, entry.sport, entry.sportAt, entry.figures, entry.figuresAt,
                        start, entry.liveDecimeters, entry.liveAt).withSport(started.sport(), started.at());
            }
            case WorkoutFact.Progressed progressed -> {
                boolean newer = entry.liveAt == null || progressed.at().isAfter(entry.liveAt)
                        || progressed.at().equals(entry.liveAt)
                        && progressed.distanceDecimeters() > entry.liveDecimeters;
                yield !newer ? entry : new WorkoutEntry(entry.status, entry.sport, entry.sportAt, entry.figures,
                        entry.figuresAt, entry.startedAt, progressed.distanceDecimeters(), progressed.at());
            }
        };
    }

    private WorkoutEntry withSport(String newSport, Instant at) {
        if (sportAt != null && !at.isAfter(sportAt)) {
            return this;
        }
        return new WorkoutEntry(status, newSport, at, figures, figuresAt, startedAt, liveDecimeters, liveAt);
    }

    /** Whether it counts as completed. */
    public boolean counts() {
        return status == Status.COUNTED;
    }

    /** Whether it is started and neither completed nor cancelled: counting its distance so far. */
    public boolean inProgress() {
        return status == Status.PENDING && startedAt != null;
    }

    /** The sport it counts under. */
    public String countedSport() {
        return sport != null ? sport : DEFAULT_SPORT;
    }

    /**
     * What it counts: its figures once completed; in progress, its distance so far, reached at its latest update (at
     * its start before one).
     */
    public Figures contribution() {
        if (counts()) {
            return figures;
        }
        Instant reached = liveAt != null ? liveAt : startedAt;
        return new Figures(startedAt, reached, liveDecimeters, 0, 0, 0);
    }
}
