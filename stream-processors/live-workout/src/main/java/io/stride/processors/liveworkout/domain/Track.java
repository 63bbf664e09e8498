package io.stride.processors.liveworkout.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The GPS part of the live state: outlier rejection, smoothing, jitter clamp and distance.
 *
 * <ol>
 *   <li>A fix whose reported accuracy is worse than {@link LiveSettings#maxAccuracyMeters()} is rejected.</li>
 *   <li>A fix farther from the last accepted one than the sport's maximum speed allows (plus twice the reported
 *       accuracy, 10 m when unknown, for noise) is rejected; after three rejections in a row the athlete really is
 *       elsewhere (or the earlier fix was the outlier) and the track restarts there without adding distance.</li>
 *   <li>Accepted fixes are smoothed by a trailing moving average of {@link LiveSettings#smoothingFixes()} fixes
 *       (GPS noise of sigma 3 m would otherwise add metres on every 1 s step).</li>
 *   <li>Jitter clamp: distance (haversine, mean radius) is added only when the smoothed position has moved at least
 *       {@link LiveSettings#minMovementMeters()} from the last counted point, which then moves there; a standing
 *       athlete accumulates nothing.</li>
 *   <li>GPS speed: displacement of the smoothed position over the last {@link LiveSettings#speedWindow()}.</li>
 * </ol>
 * The moving average lags; {@link #finish(LiveSettings)} adds the remainder up to the last accepted fix.
 */
public final class Track {

    Fix lastAccepted;
    int rejectedInARow;
    long rejectedFixes;
    List<Fix> window = new ArrayList<>();
    Fix counted;
    List<Fix> smoothedHistory = new ArrayList<>();
    double distanceMeters;
    Double speedMetersPerSecond;

    Track copy() {
        Track copy = new Track();
        copy.lastAccepted = lastAccepted;
        copy.rejectedInARow = rejectedInARow;
        copy.rejectedFixes = rejectedFixes;
        copy.window = new ArrayList<>(window);
        copy.counted = counted;
        copy.smoothedHistory = new ArrayList<>(smoothedHistory);
        copy.distanceMeters = distanceMeters;
        copy.speedMetersPerSecond = speedMetersPerSecond;
        return copy;
    }

    /** Adds a fix; returns whether it was accepted. */
    boolean add(Fix fix, Double accuracyMeters, Sport sport, LiveSettings settings) {
        if (accuracyMeters != null && accuracyMeters > settings.maxAccuracyMeters()) {
            rejectedFixes++;
            return false;
        }
        if (lastAccepted != null) {
            double seconds = Math.max(0, fix.atMillis() - lastAccepted.atMillis()) / 1000.0;
            double allowed = sport.maxSpeedMetersPerSecond() * seconds
                    + 2 * (accuracyMeters != null ? accuracyMeters : 10.0);
            if (lastAccepted.distanceTo(fix) > allowed) {
                rejectedFixes++;
                rejectedInARow++;
                if (rejectedInARow < 3) {
                    return false;
                }
                restart();
            }
        }
        rejectedInARow = 0;
        lastAccepted = fix;
        window.add(fix);
        while (window.size() > settings.smoothingFixes()) {
            window.removeFirst();
        }
        Fix smoothed = mean(window, fix.atMillis());
        if (counted == null) {
            counted = smoothed;
        } else {
            double moved = counted.distanceTo(smoothed);
            if (moved >= settings.minMovementMeters()) {
                distanceMeters += moved;
                counted = smoothed;
            }
        }
        smoothedHistory.add(smoothed);
        long windowMillis = settings.speedWindow().toMillis();
        while (smoothedHistory.size() > 1 && fix.atMillis() - smoothedHistory.get(1).atMillis() >= windowMillis) {
            smoothedHistory.removeFirst();
        }
        Fix oldest = smoothedHistory.getFirst();
        long spanMillis = fix.atMillis() - oldest.atMillis();
        speedMetersPerSecond = spanMillis >= windowMillis / 2 && spanMillis > 0
                ? oldest.distanceTo(smoothed) * 1000.0 / spanMillis
                : null;
        return true;
    }

    /** Forgets the position (after a manual pause or a jump): the next fix starts a new segment. */
    void restart() {
        lastAccepted = null;
        window.clear();
        counted = null;
        smoothedHistory.clear();
        speedMetersPerSecond = null;
    }

    /** Adds the distance the moving average has not caught up with yet (end of the workout, or a live view). */
    void finish(LiveSettings settings) {
        if (counted != null && lastAccepted != null) {
            double rest = counted.distanceTo(lastAccepted);
            if (rest >= settings.minMovementMeters()) {
                distanceMeters += rest;
                counted = lastAccepted;
            }
        }
    }

    private static Fix mean(List<Fix> fixes, long atMillis) {
        double latitude = 0;
        double longitude = 0;
        for (Fix fix : fixes) {
            latitude += fix.latitude();
            longitude += fix.longitude();
        }
        return new Fix(latitude / fixes.size(), longitude / fixes.size(), atMillis);
    }

    /** Distance so far in metres. */
    public double distanceMeters() {
        return distanceMeters;
    }

    /** GPS speed over the speed window, null until the window is half full. */
    public Double speedMetersPerSecond() {
        return speedMetersPerSecond;
    }

    /** Latest accepted position, null before the first. */
    public Position position() {
        return lastAccepted == null ? null : lastAccepted.position();
    }

    /** Fixes rejected as inaccurate or implausible. */
    public long rejectedFixes() {
        return rejectedFixes;
    }
}
