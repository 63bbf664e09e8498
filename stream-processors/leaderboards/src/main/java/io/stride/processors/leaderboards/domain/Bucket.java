package io.stride.processors.leaderboards.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.stride.platform.workoutfacts.WorkoutEntry;

/**
 * One period of one sport (or {@link #ALL_SPORTS}): an athlete's totals are kept per bucket, and each bucket is six
 * boards (one per {@link Metric}; the live day's one, {@link PeriodKind#metrics()}).
 *
 * @param kind the kind of period
 * @param periodId the period's id in the athlete's zone ({@link PeriodKind#periodOf})
 * @param sport the sport's name, or {@link #ALL_SPORTS}
 */
public record Bucket(PeriodKind kind, String periodId, String sport) {

    /** The sport of the boards that count every sport. */
    public static final String ALL_SPORTS = "ALL";

    /**
     * The twelve buckets a completed workout of {@code sport} started at {@code startedAt} counts in, in {@code zone}:
     * every kind of period, for its sport and for all sports.
     */
    public static List<Bucket> of(Instant startedAt, String sport, ZoneId zone) {
        var day = startedAt.atZone(zone).toLocalDate();
        List<Bucket> buckets = new ArrayList<>(PeriodKind.values().length * 2);
        for (PeriodKind kind : PeriodKind.values()) {
            String period = kind.periodOf(day);
            buckets.add(new Bucket(kind, period, sport));
            buckets.add(new Bucket(kind, period, ALL_SPORTS));
        }
        return buckets;
    }

    /** The buckets {@code entry} counts in, in {@code zone}: all of them once completed, its live day while in progress. */
    public static List<Bucket> of(WorkoutEntry entry, ZoneId zone) {
        if (entry.counts()) {
            return of(entry.figures().startedAt(), entry.countedSport(), zone);
        }
        return entry.inProgress() ? live(entry.startedAt(), entry.countedSport(), zone) : List.of();
    }

    /** The two buckets a workout in progress counts in: its live day, for its sport and for all sports. */
    public static List<Bucket> live(Instant startedAt, String sport, ZoneId zone) {
        String day = PeriodKind.LIVE.periodOf(startedAt.atZone(zone).toLocalDate());
        return List.of(new Bucket(PeriodKind.LIVE, day, sport), new Bucket(PeriodKind.LIVE, day, ALL_SPORTS));
    }

    /** The board of this bucket for {@code metric}. */
    public BoardKey board(Metric metric) {
        return new BoardKey(BoardKey.GLOBAL, kind, periodId, sport, metric);
    }

    /** {@code kind/periodId/sport}: the totals store's key after the athlete id. */
    public String path() {
        return kind.path() + "/" + periodId + "/" + sport;
    }

    /** The bucket of a {@link #path()}. */
    public static Bucket ofPath(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length != 3 || PeriodKind.ofPath(parts[0]) == null) {
            throw new IllegalArgumentException("not a bucket: " + path);
        }
        return new Bucket(PeriodKind.ofPath(parts[0]), parts[1], parts[2]);
    }
}
