package io.stride.processors.goals.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The fastest time over each {@link EffortDistance} inside one workout: the shortest stretch of elapsed time in which
 * the athlete covered the distance, anywhere in the workout (DOMAIN-ALGORITHMS.md C.9; elapsed, as Strava's best
 * efforts, so a stop inside the stretch counts).
 *
 * <p>The track is the workout's fixes in time order, each with the distance covered since the start. Between two fixes
 * the athlete is taken to have moved at a steady speed (distance interpolated linearly in time), so an effort starts and
 * ends between fixes, not at the nearest one. The shortest stretch starts or ends at a fix: between fixes the stretch's
 * length changes linearly as it slides, so it is shortest at an end of the slide. Hence one pass with two pointers:
 * from each fix, the earliest moment the distance is reached ahead; to each fix, the latest moment the stretch could
 * have started. A workout shorter than a distance has no effort over it (a window must really cover the whole
 * distance).
 */
public final class BestEfforts {

    private BestEfforts() {
    }

    /**
     * One best effort.
     *
     * @param startMillis when it started, elapsed milliseconds since the first fix (interpolated)
     * @param endMillis when it ended, likewise
     */
    public record Effort(double startMillis, double endMillis) {

        /** Its time, in seconds. */
        public double seconds() {
            return (endMillis - startMillis) / 1000.0;
        }
    }

    /**
     * The best effort over every distance the track covers.
     *
     * @param elapsedMillis each fix's time, non-decreasing
     * @param meters each fix's distance from the start, non-decreasing
     * @throws IllegalArgumentException when the arrays differ in length or either goes backwards
     */
    public static Map<EffortDistance, Effort> of(long[] elapsedMillis, double[] meters) {
        check(elapsedMillis, meters);
        Map<EffortDistance, Effort> best = new EnumMap<>(EffortDistance.class);
        int last = meters.length - 1;
        for (EffortDistance distance : EffortDistance.values()) {
            if (last < 1 || meters[last] - meters[0] < distance.meters()) {
                break;
            }
            best.put(distance, fastest(elapsedMillis, meters, distance.meters()));
        }
        return best;
    }

    /** The fastest stretch covering {@code span} metres; the track covers at least that much. */
    static Effort fastest(long[] t, double[] d, double span) {
        int n = d.length;
        Effort best = null;
        // from each fix i: the earliest moment the distance d[i] + span is reached
        int j = 0;
        for (int i = 0; i < n && d[i] + span <= d[n - 1]; i++) {
            double target = d[i] + span;
            while (d[j] < target) {
                j++;
            }
            double end = d[j] == target ? t[j] : between(t, d, j - 1, target);
            best = shorter(best, t[i], end);
        }
        // to each fix k: the latest moment the distance d[k] - span was still to be covered
        int i = 0;
        for (int k = 0; k < n; k++) {
            double target = d[k] - span;
            if (target < d[0]) {
                continue;
            }
            while (i + 1 < n && d[i + 1] <= target) {
                i++;
            }
            double start = d[i] == target ? t[i] : between(t, d, i, target);
            best = shorter(best, start, t[k]);
        }
        return best;
    }

    /** The moment between fix {@code a} and the next at which the distance was {@code target}, strictly between. */
    private static double between(long[] t, double[] d, int a, double target) {
        return t[a] + (target - d[a]) / (d[a + 1] - d[a]) * (t[a + 1] - t[a]);
    }

    private static Effort shorter(Effort best, double start, double end) {
        return best == null || end - start < best.endMillis() - best.startMillis() ? new Effort(start, end) : best;
    }

    private static void check(long[] t, double[] d) {
        if (t.length != d.length) {
            throw new IllegalArgumentException("one time per distance: " + t.length + " times, " + d.length);
        }
        for (int k = 0; k < d.length; k++) {
            if (!Double.isFinite(d[k]) || k > 0 && (t[k] < t[k - 1] || d[k] < d[k - 1])) {
                throw new IllegalArgumentException("the track goes backwards or is not a number at fix " + k);
            }
        }
    }
}
