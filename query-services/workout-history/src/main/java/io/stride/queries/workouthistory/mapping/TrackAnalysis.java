package io.stride.queries.workouthistory.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures computed from a finished workout's track: per-kilometre splits, pace over distance and best efforts. Pure
 * functions of the track, so a replay computes the same values.
 *
 * <p>Positions along a segment between two track points are linearly interpolated in time, distance and altitude:
 * the time at which 1 km was reached lies between the two points that straddle it. Moving time counts the intervals
 * whose closing point is moving (live-workout's auto-pause), as Strava bases split paces on moving time; elapsed time
 * counts every interval.
 */
public final class TrackAnalysis {

    /** Best-effort distances in metres, as Strava lists them (400 m to the marathon). */
    public static final Map<String, Double> BEST_EFFORT_DISTANCES = bestEffortDistances();

    private TrackAnalysis() {
    }

    private static Map<String, Double> bestEffortDistances() {
        Map<String, Double> distances = new LinkedHashMap<>();
        distances.put("400m", 400.0);
        distances.put("1k", 1_000.0);
        distances.put("1mi", 1_609.344);
        distances.put("5k", 5_000.0);
        distances.put("10k", 10_000.0);
        distances.put("half_marathon", 21_097.5);
        distances.put("marathon", 42_195.0);
        return Map.copyOf(distances);
    }

    /** Splits of {@code splitMeters} each; the last one holds the remainder when it is at least 1 m. */
    public static List<Split> splits(List<TrackSample> track, double splitMeters) {
        List<Split> splits = new ArrayList<>();
        if (track.size() < 2) {
            return splits;
        }
        double total = track.getLast().distanceMeters() - track.getFirst().distanceMeters();
        double origin = track.getFirst().distanceMeters();
        int count = (int) Math.floor(total / splitMeters);
        for (int number = 1; number <= count + 1; number++) {
            double from = origin + (number - 1) * splitMeters;
            double to = Math.min(origin + number * splitMeters, origin + total);
            if (to - from < 1.0) {
                break;
            }
            splits.add(split(track, number, from, to));
        }
        return splits;
    }

    private static Split split(List<TrackSample> track, int number, double from, double to) {
        double elapsed = 0;
        double moving = 0;
        double heartRateWeighted = 0;
        double heartRateSeconds = 0;
        for (int i = 1; i < track.size(); i++) {
            TrackSample a = track.get(i - 1);
            TrackSample b = track.get(i);
            double covered = b.distanceMeters() - a.distanceMeters();
            double seconds = (b.offsetMillis() - a.offsetMillis()) / 1000.0;
            double share = overlapShare(a.distanceMeters(), b.distanceMeters(), from, to);
            if (covered <= 0) {
                // standing still: the interval belongs to the split in which it happened (the one holding the point)
                share = a.distanceMeters() >= from && a.distanceMeters() < to
                        || to == track.getLast().distanceMeters() && a.distanceMeters() == to ? 1 : 0;
            }
            if (share <= 0) {
                continue;
            }
            elapsed += seconds * share;
            if (b.moving()) {
                moving += seconds * share;
            }
            Integer bpm = b.heartRateBpm() != null ? b.heartRateBpm() : a.heartRateBpm();
            if (bpm != null) {
                heartRateWeighted += bpm * seconds * share;
                heartRateSeconds += seconds * share;
            }
        }
        Double startAltitude = altitudeAt(track, from);
        Double endAltitude = altitudeAt(track, to);
        double distance = to - from;
        return new Split(number, distance, elapsed, moving,
                moving > 0 ? moving / (distance / 1000.0) : null,
                startAltitude == null || endAltitude == null ? null : endAltitude - startAltitude,
                heartRateSeconds > 0 ? (int) Math.round(heartRateWeighted / heartRateSeconds) : null);
    }

    /** The share of the segment [a, b] (distances) that lies inside [from, to]. */
    private static double overlapShare(double a, double b, double from, double to) {
        double overlap = Math.min(b, to) - Math.max(a, from);
        return overlap <= 0 ? 0 : overlap / (b - a);
    }

    /** Altitude interpolated at a distance; null when the points around it have none. */
    static Double altitudeAt(List<TrackSample> track, double distance) {
        for (int i = 1; i < track.size(); i++) {
            TrackSample a = track.get(i - 1);
            TrackSample b = track.get(i);
            if (distance >= a.distanceMeters() && distance <= b.distanceMeters()) {
                if (a.altitudeMeters() == null || b.altitudeMeters() == null) {
                    return a.altitudeMeters() != null ? a.altitudeMeters() : b.altitudeMeters();
                }
                double span = b.distanceMeters() - a.distanceMeters();
                double f = span <= 0 ? 0 : (distance - a.distanceMeters()) / span;
                return a.altitudeMeters() + f * (b.altitudeMeters() - a.altitudeMeters());
            }
        }
        return null;
    }

    /**
     * Pace at each point in seconds per kilometre over the trailing {@code windowMillis} of moving time (a pace of one
     * GPS step is noise): the time the last window took divided by the distance covered in it. Null where the athlete
     * was not moving or covered less than a metre in the window.
     */
    public static List<Double> paceSecondsPerKm(List<TrackSample> track, long windowMillis) {
        List<Double> paces = new ArrayList<>(track.size());
        int start = 0;
        for (int i = 0; i < track.size(); i++) {
            TrackSample current = track.get(i);
            while (start < i && current.offsetMillis() - track.get(start + 1).offsetMillis() >= windowMillis) {
                start++;
            }
            TrackSample first = track.get(start);
            double meters = current.distanceMeters() - first.distanceMeters();
            double seconds = (current.offsetMillis() - first.offsetMillis()) / 1000.0;
            paces.add(!current.moving() || i == 0 || meters < 1.0 || seconds <= 0 ? null : seconds / meters * 1000.0);
        }
        return paces;
    }

    /**
     * The fastest elapsed time over each best-effort distance that the track fully covers (a window must really span
     * the distance: a 4 km run has no 5 km effort). Two pointers over the track; the window's ends are interpolated to
     * the exact distance. Milliseconds by distance name, in {@link #BEST_EFFORT_DISTANCES} order.
     */
    public static Map<String, Long> bestEfforts(List<TrackSample> track) {
        Map<String, Long> efforts = new LinkedHashMap<>();
        BEST_EFFORT_DISTANCES.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(entry -> {
                    Long millis = fastest(track, entry.getValue());
                    if (millis != null) {
                        efforts.put(entry.getKey(), millis);
                    }
                });
        return efforts;
    }

    /** Fastest time over {@code meters}; null when the track is shorter. */
    static Long fastest(List<TrackSample> track, double meters) {
        if (track.size() < 2 || track.getLast().distanceMeters() - track.getFirst().distanceMeters() < meters) {
            return null;
        }
        double best = Double.MAX_VALUE;
        int j = 0;
        for (int i = 0; i < track.size(); i++) {
            double target = track.get(i).distanceMeters() + meters;
            while (j < track.size() && track.get(j).distanceMeters() < target) {
                j++;
            }
            if (j >= track.size()) {
                break;
            }
            TrackSample before = track.get(j - 1);
            TrackSample after = track.get(j);
            double span = after.distanceMeters() - before.distanceMeters();
            double f = span <= 0 ? 0 : (target - before.distanceMeters()) / span;
            double endMillis = before.offsetMillis() + f * (after.offsetMillis() - before.offsetMillis());
            best = Math.min(best, endMillis - track.get(i).offsetMillis());
        }
        return best == Double.MAX_VALUE ? null : Math.round(best);
    }
}
