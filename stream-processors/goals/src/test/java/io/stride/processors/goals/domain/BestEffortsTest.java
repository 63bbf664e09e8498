package io.stride.processors.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Best efforts against the truth: routes generated from a known speed profile (steady stretches at random paces, and
 * stops), recorded as fixes every 1 to 3 s; the truth is the profile's own fastest stretch, found by brute force (every
 * start on a 0.1-s grid and at every change of pace, every end at a change of pace).
 */
class BestEffortsTest {

    /** A piecewise-linear distance over time: times in milliseconds, distances in metres. */
    record Track(long[] t, double[] d) {
    }

    /** A profile of {@code stretches} steady stretches (3 to 10 minutes, 2.2–5.5 m/s) with stops of 5–90 s between. */
    static Track profile(Random random, int stretches) {
        List<Long> times = new ArrayList<>(List.of(0L));
        List<Double> distances = new ArrayList<>(List.of(0.0));
        for (int s = 0; s < stretches; s++) {
            long millis = 180_000 + random.nextInt(420_000);
            double speed = 2.2 + random.nextDouble() * 3.3;
            times.add(times.getLast() + millis);
            distances.add(distances.getLast() + speed * millis / 1000.0);
            if (random.nextInt(3) == 0) {
                times.add(times.getLast() + 5_000 + random.nextInt(85_000));
                distances.add(distances.getLast());
            }
        }
        return new Track(times.stream().mapToLong(Long::longValue).toArray(),
                distances.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The profile as a watch records it: a fix every 1 to 3 s, each with the distance at that moment. */
    static Track recorded(Random random, Track truth) {
        long end = truth.t()[truth.t().length - 1];
        List<Long> times = new ArrayList<>();
        for (long at = 0; at < end; at += 1_000 + random.nextInt(2_001)) {
            times.add(at);
        }
        times.add(end);
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        double[] d = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            d[k] = distanceAt(truth, t[k]);
        }
        return new Track(t, d);
    }

    static double distanceAt(Track track, double at) {
        long[] t = track.t();
        double[] d = track.d();
        // the first fix at or after the moment (binary search), then the line from the fix before
        int lo = 0;
        int hi = t.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int k = lo;
        return k == 0 || t[k] == t[k - 1] || at >= t[k] ? d[k]
                : d[k - 1] + (d[k] - d[k - 1]) * (at - t[k - 1]) / (t[k] - t[k - 1]);
    }

    /** The earliest moment the distance {@code x} is reached. */
    static double earliest(Track track, double x) {
        long[] t = track.t();
        double[] d = track.d();
        // the first fix at or past the distance (binary search)
        int lo = 0;
        int hi = d.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (d[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int k = lo;
        return k == 0 || d[k] == x ? t[k] : t[k - 1] + (x - d[k - 1]) / (d[k] - d[k - 1]) * (t[k] - t[k - 1]);
    }

    /** The latest moment the distance was still {@code x}. */
    static double latest(Track track, double x) {
        long[] t = track.t();
        double[] d = track.d();
        // the last fix at or before the distance (binary search)
        int lo = 0;
        int hi = d.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (d[mid] > x) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        int k = lo;
        return k == d.length - 1 || d[k] == x ? t[k] : t[k] + (x - d[k]) / (d[k + 1] - d[k]) * (t[k + 1] - t[k]);
    }

    /** The fastest stretch over {@code span} by brute force, in seconds; {@code NaN} when the track is shorter. */
    static double bruteForce(Track track, double span) {
        long[] t = track.t();
        double[] d = track.d();
        double total = d[d.length - 1];
        if (total - d[0] < span) {
            return Double.NaN;
        }
        double best = Double.MAX_VALUE;
        for (double start = 0; start <= t[t.length - 1]; start += 100) {
            double from = distanceAt(track, start);
            if (from + span <= total) {
                best = Math.min(best, earliest(track, from + span) - start);
            }
        }
        for (int k = 0; k < t.length; k++) {
            if (d[k] + span <= total) {
                best = Math.min(best, earliest(track, d[k] + span) - t[k]);
            }
            if (d[k] - span >= d[0]) {
                best = Math.min(best, t[k] - latest(track, d[k] - span));
            }
        }
        return best / 1000.0;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void shouldFindEveryBestEffortWithinASecondOfTheTruthWhenTheRouteIsRecordedEveryFewSeconds(long seed) {
        // given: a run of 8 to 40 steady stretches (some 5 to 50 km), recorded
        Random random = new Random(seed);
        Track truth = profile(random, 8 + random.nextInt(33));
        Track fixes = recorded(random, truth);

        // when
        Map<EffortDistance, BestEfforts.Effort> best = BestEfforts.of(fixes.t(), fixes.d());

        // then: within 1 s of the profile's truth, and equal to the brute force over the same fixes
        for (EffortDistance distance : EffortDistance.values()) {
            double expected = bruteForce(truth, distance.meters());
            if (Double.isNaN(expected)) {
                assertThat(best).as(distance.id()).doesNotContainKey(distance);
                continue;
            }
            BestEfforts.Effort effort = best.get(distance);
            assertThat(effort).as(distance.id()).isNotNull();
            assertThat(effort.seconds()).as("%s against the truth", distance.id()).isCloseTo(expected, within(1.0));
            assertThat(effort.seconds()).as("%s against the brute force over the fixes", distance.id())
                    .isCloseTo(bruteForce(fixes, distance.meters()), within(0.001));
            assertThat(distanceAt(fixes, effort.endMillis()) - distanceAt(fixes, effort.startMillis()))
                    .as("%s covers its distance", distance.id()).isCloseTo(distance.meters(), within(0.01));
        }
        assertThat(best).containsKey(EffortDistance.K5);
    }

    @Test
    void shouldTimeKnownSplitsBetweenFixesAndNotTheNearestFix() {
        // given: 10 km at 4:00/km with one kilometre at 3:30/km from 4 km, fixes every 7 s (none on the km marks)
        List<Long> times = new ArrayList<>();
        List<Double> meters = new ArrayList<>();
        for (long at = 0; ; at += 7_000) {
            double d = at <= 960_000 ? at / 240.0 : at <= 1_170_000 ? 4_000 + (at - 960_000) / 210.0
                    : 5_000 + (at - 1_170_000) / 240.0;
            if (d >= 10_000) {
                times.add(2_370_000L);
                meters.add(10_000.0);
                break;
            }
            times.add(at);
            meters.add(d);
        }

        // when
        Map<EffortDistance, BestEfforts.Effort> best = BestEfforts.of(times.stream().mapToLong(Long::longValue)
                .toArray(), meters.stream().mapToDouble(Double::doubleValue).toArray());

        // then: the fast kilometre, 210 s, found between fixes (a fix's nearest neighbour would be up to 7 s off; the
        // interpolation only blurs the change of pace inside one 7-s gap); 5 km with it, 1,170 s; 10 km whole
        assertThat(best.get(EffortDistance.K1).seconds()).isCloseTo(210.0, within(0.5));
        assertThat(best.get(EffortDistance.K1).startMillis()).isCloseTo(960_000.0, within(3_500.0));
        assertThat(best.get(EffortDistance.K5).seconds()).isCloseTo(1_170.0, within(0.5));
        assertThat(best.get(EffortDistance.K10).seconds()).isCloseTo(2_370.0, within(0.001));
        assertThat(best).doesNotContainKey(EffortDistance.K15);
    }

    @Test
    void shouldGiveNoEffortOverADistanceTheWorkoutDidNotCover() {
        // given: a 4.9 km treadmill run, and a workout of one fix
        long[] t = {0, 1_500_000};
        double[] d = {0, 4_900};

        // when / then
        assertThat(BestEfforts.of(t, d)).containsOnlyKeys(EffortDistance.M400, EffortDistance.HALF_MILE,
                EffortDistance.K1, EffortDistance.MILE, EffortDistance.TWO_MILES);
        assertThat(BestEfforts.of(new long[] {0}, new double[] {0})).isEmpty();
        assertThatThrownBy(() -> BestEfforts.of(new long[] {0, 1}, new double[] {5, 4}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLeaveAStopOutOfTheFastestStretchWhenItCan() {
        // given: 2 km at 5:00/km, a 60-s stop at 1 km (fixes during it at the same distance)
        long[] t = {0, 300_000, 320_000, 340_000, 360_000, 660_000};
        double[] d = {0, 1_000, 1_000, 1_000, 1_000, 2_000};

        // when
        Map<EffortDistance, BestEfforts.Effort> best = BestEfforts.of(t, d);

        // then: 1 km without the stop; the mile must cross it
        assertThat(best.get(EffortDistance.K1).seconds()).isCloseTo(300.0, within(0.001));
        assertThat(best.get(EffortDistance.MILE).seconds()).isCloseTo(1_609.344 * 0.3 + 60, within(0.001));
    }
}
