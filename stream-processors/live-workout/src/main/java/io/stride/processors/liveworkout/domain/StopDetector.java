package io.stride.processors.liveworkout.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Moving or stopped from GPS fixes alone (no device speed), robust to fix noise, with back-dated transitions.
 *
 * <ul>
 *   <li><b>Stopped to moving</b> (OpenTracks-like): while stopped, the anchor is the mean of the fixes of the stop; the
 *       athlete moves once {@link #DEPARTURE_FIXES} fixes in a row lie more than
 *       {@link LiveSettings#minMovementMeters()} from it (a standing athlete's fixes stay within the noise radius, a
 *       moving one leaves it, however slowly).</li>
 *   <li><b>Moving to stopped</b> (Strava/Traccar-like, the state must last): the mean positions of the older and the
 *       newer half of the last {@link #STOP_WINDOW_FIXES} fixes are compared; their distance over the time between
 *       them is a net speed that noise barely moves (each mean averages 12 fixes); at or below
 *       {@link LiveSettings#stoppedSpeedMetersPerSecond()} the athlete stopped.</li>
 *   <li><b>Back-dating</b>: either decision comes seconds after the fact, so the time of the change is estimated on the
 *       recent raw fixes by a least-squares hinge fit (standing at one point, then moving on a straight line at a
 *       constant velocity, or the reverse), and the moving time of the intervals since then is corrected.</li>
 * </ul>
 * Bounded cost per sample: the recent steps are a ring of {@link #CAPACITY}; the fit runs only on a transition.
 */
final class StopDetector {

    /** Samples kept for the stop test and the fit. */
    static final int CAPACITY = 48;
    /** Fixes beyond the anchor's radius in a row that make a stopped athlete moving. */
    static final int DEPARTURE_FIXES = 3;
    /** Fixes of the stop test (two halves). */
    static final int STOP_WINDOW_FIXES = 24;
    /** Fixes after a change before its time is fitted again on both sides of it. */
    static final int REFIT_FIXES = 20;
    private static final long FIT_STEP_MILLIS = 100;
    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    /** One applied sample: its time, its fix (NaN when none), its interval's countable and counted moving time. */
    record Step(long atMillis, double latitude, double longitude, long activeMillis, long movingMillis) {

        boolean hasFix() {
            return !Double.isNaN(latitude);
        }
    }

    boolean moving;
    Long sinceMillis;
    double anchorLatitudeSum;
    double anchorLongitudeSum;
    int anchorFixes;
    int outside;
    long outsideSinceMillis;
    Long refitFromMillis;
    List<Step> steps = new ArrayList<>();

    StopDetector copy() {
        StopDetector copy = new StopDetector();
        copy.moving = moving;
        copy.sinceMillis = sinceMillis;
        copy.anchorLatitudeSum = anchorLatitudeSum;
        copy.anchorLongitudeSum = anchorLongitudeSum;
        copy.anchorFixes = anchorFixes;
        copy.outside = outside;
        copy.outsideSinceMillis = outsideSinceMillis;
        copy.refitFromMillis = refitFromMillis;
        copy.steps = new ArrayList<>(steps);
        return copy;
    }

    /** Whether a fix was seen since the last restart. */
    boolean hasFix() {
        return moving || anchorFixes > 0;
    }

    /** Forgets everything (manual pause, long gap): the next fix starts stopped at a new anchor. */
    void restart() {
        moving = false;
        sinceMillis = null;
        anchorLatitudeSum = 0;
        anchorLongitudeSum = 0;
        anchorFixes = 0;
        outside = 0;
        outsideSinceMillis = 0;
        refitFromMillis = null;
        steps.clear();
    }

    /**
     * Takes an applied sample: {@code fix} is its accepted fix or null, {@code activeMillis} the countable time of
     * the interval ending at it (0 when not countable). Returns the moving time to add (negative when a back-dated
     * stop takes some back).
     */
    long step(long atMillis, Fix fix, long activeMillis, LiveSettings settings) {
        long counted = moving ? activeMillis : 0;
        steps.add(new Step(atMillis, fix != null ? fix.latitude() : Double.NaN,
                fix != null ? fix.longitude() : Double.NaN, activeMillis, counted));
        while (steps.size() > CAPACITY) {
            steps.removeFirst();
        }
        if (fix == null) {
            return counted;
        }
        if (!moving) {
            if (anchorFixes == 0) {
                anchorLatitudeSum = fix.latitude();
                anchorLongitudeSum = fix.longitude();
                anchorFixes = 1;
                sinceMillis = sinceMillis == null ? atMillis : sinceMillis;
                return counted;
            }
            Fix anchor = new Fix(anchorLatitudeSum / anchorFixes, anchorLongitudeSum / anchorFixes, atMillis);
            if (anchor.distanceTo(fix) > settings.minMovementMeters()) {
                outsideSinceMillis = outside == 0 ? atMillis : outsideSinceMillis;
                outside++;
            } else {
                outside = 0;
                anchorLatitudeSum += fix.latitude();
                anchorLongitudeSum += fix.longitude();
                anchorFixes++;
            }
            if (outside < DEPARTURE_FIXES) {
                return refitFromMillis != null ? counted + refit() : counted;
            }
            return counted + change(true, outsideSinceMillis);
        }
        if (refitFromMillis != null) {
            return counted + refit();
        }
        return stopped(settings) ? counted + change(false, fit(fixesSince(sinceMillis), false)) : counted;
    }

    /** Once {@link #REFIT_FIXES} fixes follow the last change, fits its time again on the fixes around it. */
    private long refit() {
        if (fixesSince(sinceMillis).size() < REFIT_FIXES) {
            return 0;
        }
        long correction = change(moving, fit(fixesSince(refitFromMillis), moving));
        refitFromMillis = null;
        return correction;
    }

    /** The stop test on the last {@link #STOP_WINDOW_FIXES} fixes, all after the last change (no allocation). */
    private boolean stopped(LiveSettings settings) {
        int half = STOP_WINDOW_FIXES / 2;
        double[] sums = new double[6];
        int taken = 0;
        for (int i = steps.size() - 1; i >= 0 && taken < STOP_WINDOW_FIXES; i--) {
            Step step = steps.get(i);
            if (sinceMillis != null && step.atMillis() < sinceMillis) {
                break;
            }
            if (step.hasFix()) {
                int part = taken < half ? 0 : 3;
                sums[part] += step.latitude();
                sums[part + 1] += step.longitude();
                sums[part + 2] += step.atMillis() - sinceMillis;
                taken++;
            }
        }
        if (taken < STOP_WINDOW_FIXES) {
            return false;
        }
        double millis = (sums[2] - sums[5]) / half;
        double meters = GeoMath.haversineMeters(sums[3] / half, sums[4] / half, sums[0] / half, sums[1] / half);
        return millis > 0 && meters * 1000.0 / millis <= settings.stoppedSpeedMetersPerSecond();
    }

    private List<Step> fixesSince(Long fromMillis) {
        List<Step> fixes = new ArrayList<>(steps.size());
        for (Step step : steps) {
            if (step.hasFix() && (fromMillis == null || step.atMillis() >= fromMillis)) {
                fixes.add(step);
            }
        }
        return fixes;
    }

    /**
     * Switches state at {@code at} (or moves the time of the last change there, when a departure's fit refines it)
     * and corrects the moving time of the intervals since; returns the correction.
     */
    private long change(boolean toMoving, long changeAt) {
        long at = changeAt;
        long from = at;
        Long previousSince = sinceMillis;
        boolean refit = moving == toMoving;
        if (sinceMillis != null) {
            at = refit ? Math.max(at, refitFromMillis) : Math.max(at, sinceMillis);
            from = refit ? Math.min(at, sinceMillis) : at;
        }
        long correction = 0;
        for (int i = steps.size() - 1; i >= 0 && steps.get(i).atMillis() > from; i--) {
            Step step = steps.get(i);
            long after = Math.min(step.activeMillis(), Math.max(0, step.atMillis() - at));
            long wanted = toMoving ? after : step.activeMillis() - after;
            correction += wanted - step.movingMillis();
            steps.set(i, new Step(step.atMillis(), step.latitude(), step.longitude(), step.activeMillis(), wanted));
        }
        moving = toMoving;
        sinceMillis = at;
        refitFromMillis = refit ? null : previousSince;
        outside = 0;
        anchorLatitudeSum = 0;
        anchorLongitudeSum = 0;
        anchorFixes = 0;
        if (!toMoving) {
            for (Step fix : fixesSince(at)) {
                anchorLatitudeSum += fix.latitude();
                anchorLongitudeSum += fix.longitude();
                anchorFixes++;
            }
        }
        return correction;
    }

    /**
     * Least-squares time of the change: positions {@code p(t) = a + b * max(0, t - c)} (a start) or
     * {@code a + b * min(0, t - c)} (a stop) per axis in local metres, {@code c} searched in 100 ms steps.
     */
    static long fit(List<Step> fixes, boolean start) {
        Step last = fixes.getLast();
        if (fixes.size() < 3) {
            return last.atMillis();
        }
        Step first = fixes.getFirst();
        double cosLatitude = Math.cos(Math.toRadians(first.latitude()));
        int n = fixes.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Step fix = fixes.get(i);
            x[i] = Math.toRadians(fix.longitude() - first.longitude()) * cosLatitude * EARTH_RADIUS_METERS;
            y[i] = Math.toRadians(fix.latitude() - first.latitude()) * EARTH_RADIUS_METERS;
        }
        long best = start ? last.atMillis() : first.atMillis();
        double bestError = Double.MAX_VALUE;
        for (long c = first.atMillis(); c <= last.atMillis(); c += FIT_STEP_MILLIS) {
            double sh = 0;
            double shh = 0;
            double sx = 0;
            double sxh = 0;
            double sxx = 0;
            double sy = 0;
            double syh = 0;
            double syy = 0;
            for (int i = 0; i < n; i++) {
                double t = (fixes.get(i).atMillis() - c) / 1000.0;
                double h = start ? Math.max(0, t) : Math.min(0, t);
                sh += h;
                shh += h * h;
                sx += x[i];
                sxh += x[i] * h;
                sxx += x[i] * x[i];
                sy += y[i];
                syh += y[i] * h;
                syy += y[i] * y[i];
            }
            double varH = shh - sh * sh / n;
            if (varH <= 1e-9) {
                continue;
            }
            double covX = sxh - sx * sh / n;
            double covY = syh - sy * sh / n;
            double error = sxx - sx * sx / n - covX * covX / varH + syy - sy * sy / n - covY * covY / varH;
            if (error < bestError) {
                bestError = error;
                best = c;
            }
        }
        return best;
    }
}
