package io.stride.processors.leaderboards.domain;

import java.time.Instant;

/**
 * What the boards keep of one workout of an athlete: replaced, never added to, so a re-delivered event changes
 * nothing, and a workout's contribution can be retracted (ADR 0016).
 *
 * <ul>
 *   <li>Figures: those of the {@code WorkoutCompleted} with the latest event time (an equal time keeps the first).</li>
 *   <li>Sport: that of the latest event (by event time) that names one: the completion or an athlete's edit.</li>
 *   <li>A cancel is for good: a completion re-delivered after it does not count.</li>
 * </ul>
 *
 * @param status whether it counts
 * @param sport the sport's name, or {@code null} when no event named one yet ({@link #DEFAULT_SPORT} then)
 * @param sportAt the event time of the sport, or {@code null}
 * @param figures the figures, or {@code null} before the completion
 * @param figuresAt the event time of the figures, or {@code null}
 */
public record WorkoutEntry(Status status, String sport, Instant sportAt, Figures figures, Instant figuresAt) {

    /** The sport of a workout no event named a sport for (the contract's enum default). */
    public static final String DEFAULT_SPORT = "OTHER";

    /** Whether a workout counts. */
    public enum Status {
        /** An edit arrived before the completion: kept (its sport may be newer than the completion's), not counted. */
        PENDING,
        /** Completed: counted. */
        COUNTED,
        /** Cancelled or deleted: never counted again. */
        CANCELLED
    }

    private static final WorkoutEntry CANCELLED = new WorkoutEntry(Status.CANCELLED, null, null, null, null);

    /** The entry after {@code fact}, from none ({@code null}) or {@code previous}. */
    public static WorkoutEntry apply(WorkoutEntry previous, WorkoutFact fact) {
        WorkoutEntry entry = previous != null ? previous : new WorkoutEntry(Status.PENDING, null, null, null, null);
        if (entry.status == Status.CANCELLED) {
            return entry;
        }
        return switch (fact) {
            case WorkoutFact.Cancelled cancelled -> CANCELLED;
            case WorkoutFact.Completed completed -> {
                boolean newerFigures = entry.figuresAt == null || completed.at().isAfter(entry.figuresAt);
                Figures figures = newerFigures ? completed.figures() : entry.figures;
                Instant figuresAt = newerFigures ? completed.at() : entry.figuresAt;
                WorkoutEntry counted = new WorkoutEntry(Status.COUNTED, entry.sport, entry.sportAt, figures, figuresAt);
                yield completed.sport() == null ? counted : counted.withSport(completed.sport(), completed.at());
            }
            case WorkoutFact.SportChanged changed -> entry.withSport(changed.sport(), changed.at());
        };
    }

    private WorkoutEntry withSport(String newSport, Instant at) {
        if (sportAt != null && !at.isAfter(sportAt)) {
            return this;
        }
        return new WorkoutEntry(status, newSport, at, figures, figuresAt);
    }

    /** Whether it counts on boards. */
    public boolean counts() {
        return status == Status.COUNTED;
    }

    /** The sport it counts under. */
    public String countedSport() {
        return sport != null ? sport : DEFAULT_SPORT;
    }
}
