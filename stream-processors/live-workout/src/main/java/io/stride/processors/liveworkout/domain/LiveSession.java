package io.stride.processors.liveworkout.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Live state of one workout: samples are first held in a reorder buffer and applied for good, in event-time order,
 * once they are {@link LiveSettings#grace()} behind the newest sample seen; {@link #view} shows the figures as if the
 * buffer were applied too, so the published state is live. Manual pauses (workout events) stop the clock; a completed
 * or cancelled workout takes no more samples.
 *
 * <p>Moving time (auto-pause): when the device reports its speed, an interval between two applied samples is moving
 * time when the speed at its end is above {@link LiveSettings#stoppedSpeedMetersPerSecond()} (gpxpy's per-interval
 * rule, with a Strava-like rather than gpxpy's 1 km/h threshold because GPS noise makes 1 km/h unreliable; the speed
 * is the median of the last three readings, which drops a one-sample blip and shifts the start and the end of a stop
 * alike: DOMAIN-ALGORITHMS C.5, prefer the sensor). A device that never reported a speed is judged on its fixes by
 * {@link StopDetector} (net displacement instead of a speed threshold, changes back-dated to where they began, so
 * past intervals may be corrected); before its first fix, cadence above 0 counts as moving. Intervals longer than
 * {@link LiveSettings#maxGap()} and time in manual pauses are never moving time (both restart the detector); elapsed
 * time excludes manual pauses.
 * Calories accrue over moving time by the MET method; time in heart-rate zones over elapsed time, each interval in
 * the zone of the heart rate at its end.
 */
public final class LiveSession {

    /** Lifecycle of a workout as the live state sees it. */
    public enum Status {
        ACTIVE, PAUSED, COMPLETED, CANCELLED
    }

    /** What became of an offered sample. */
    public sealed interface Offer {
    }

    /** The sample waits in the reorder buffer (or was applied). */
    public record Accepted() implements Offer {
    }

    /** The same device and sequence number was already taken. */
    public record Duplicate() implements Offer {
    }

    /** Older than a sample already applied for good: it can no longer be placed in order. */
    public record TooLate(long behindMillis) implements Offer {
    }

    /** The workout was completed or cancelled. */
    public record Closed(Status status) implements Offer {
    }

    /** The sample is another athlete's: the workout belongs to {@code owner} (ADR 0012), nothing changes. */
    public record Foreign(UUID owner) implements Offer {
    }

    /** A manual pause, {@code toMillis} null while it lasts. */
    public record Pause(long fromMillis, Long toMillis) {
    }

    private static final long FINAL_UPDATE = Long.MAX_VALUE;

    /** Samples recorded after the start of an open pause that wait for its resume: 10 minutes at one a second. */
    static final int MAX_HELD_WHILE_PAUSED = 600;

    private static final Comparator<Sample> EVENT_ORDER = Comparator.comparing(Sample::recordedAt)
            .thenComparing(Sample::deviceId)
            .thenComparingLong(Sample::sequenceNumber);

    UUID workoutId;
    UUID userId;
    Sport sport = Sport.OTHER;
    Status status = Status.ACTIVE;
    long sampleCount;
    long lastSequenceNumber;
    Long firstAppliedAtMillis;
    Long lastAppliedAtMillis;
    Long newestSeenAtMillis;
    List<Sample> buffer = new ArrayList<>();
    Map<String, SequenceRanges> applied = new HashMap<>();
    List<Pause> pauses = new ArrayList<>();
    Track track = new Track();
    StopDetector motion = new StopDetector();
    ElevationHysteresis elevation = new ElevationHysteresis();
    SensorStats heartRate = new SensorStats();
    SensorStats cadence = new SensorStats();
    SensorStats power = new SensorStats();
    long[] zoneMillis = new long[HeartRateZones.ZONES];
    int zoneMaxHeartRateBpm = HeartRateZones.DEFAULT_MAX_HEART_RATE_BPM;
    long elapsedMillis;
    long movingMillis;
    double caloriesKcal;
    Double lastDeviceSpeed;
    List<Double> recentDeviceSpeeds = new ArrayList<>();
    Double currentSpeed;
    long lateSamples;
    Long lastUpdateAtMillis;
    double lastUpdateDistanceMeters;
    long updatesEmitted;
    long lastOfferedAtMillis;
    boolean unpublished;
    boolean retired;
    Long lastTrackPointAtMillis;
    long trackPointCount;
    double workJoules;
    /** The share of {@link #caloriesKcal} counted by the MET method, at the MET of {@link #sport}. */
    double metCaloriesKcal;
    /**
     * Wall-clock time (epoch milliseconds) since which the oldest buffered sample, recorded after a gap, waits for a
     * pause that may be in flight ({@link #heldAfterGap}); null when none waits.
     */
    Long heldAfterGapSinceMillis;
    /** Track points taken since the last {@link #drainTrackPoints()}; not part of the stored session. */
    List<TrackPoint> newTrackPoints = new ArrayList<>();

    /** A new workout's state; ids may be refined by the first sample or event. */
    public static LiveSession open(UUID workoutId, UUID userId) {
        LiveSession session = new LiveSession();
        session.workoutId = workoutId;
        session.userId = userId;
        return session;
    }

    private LiveSession copy() {
        LiveSession copy = new LiveSession();
        copy.workoutId = workoutId;
        copy.userId = userId;
        copy.sport = sport;
        copy.status = status;
        copy.sampleCount = sampleCount;
        copy.lastSequenceNumber = lastSequenceNumber;
        copy.firstAppliedAtMillis = firstAppliedAtMillis;
        copy.lastAppliedAtMillis = lastAppliedAtMillis;
        copy.newestSeenAtMillis = newestSeenAtMillis;
        copy.buffer = new ArrayList<>(buffer);
        applied.forEach((device, ranges) -> copy.applied.put(device, ranges.copy()));
        copy.pauses = new ArrayList<>(pauses);
        copy.track = track.copy();
        copy.motion = motion.copy();
        copy.elevation = elevation.copy();
        copy.heartRate = heartRate.copy();
        copy.cadence = cadence.copy();
        copy.power = power.copy();
        copy.zoneMillis = zoneMillis.clone();
        copy.zoneMaxHeartRateBpm = zoneMaxHeartRateBpm;
        copy.elapsedMillis = elapsedMillis;
        copy.movingMillis = movingMillis;
        copy.caloriesKcal = caloriesKcal;
        copy.lastDeviceSpeed = lastDeviceSpeed;
        copy.recentDeviceSpeeds = new ArrayList<>(recentDeviceSpeeds);
        copy.currentSpeed = currentSpeed;
        copy.lateSamples = lateSamples;
        copy.lastUpdateAtMillis = lastUpdateAtMillis;
        copy.lastUpdateDistanceMeters = lastUpdateDistanceMeters;
        copy.updatesEmitted = updatesEmitted;
        copy.lastOfferedAtMillis = lastOfferedAtMillis;
        copy.unpublished = unpublished;
        copy.retired = retired;
        copy.lastTrackPointAtMillis = lastTrackPointAtMillis;
        copy.trackPointCount = trackPointCount;
        copy.workJoules = workJoules;
        copy.metCaloriesKcal = metCaloriesKcal;
        copy.heldAfterGapSinceMillis = heldAfterGapSinceMillis;
        return copy;
    }

    /**
     * Takes a sample: buffers it and applies every buffered sample that is now beyond the grace period. A sample of
     * another athlete than the owner is refused first, whatever the workout's state.
     */
    public Offer offer(Sample sample, Athlete athlete, LiveSettings settings) {
        if (userId == null) {
            userId = sample.userId();
        }
        if (!belongsTo(sample.userId())) {
            return new Foreign(userId);
        }
        if (status == Status.COMPLETED || status == Status.CANCELLED) {
            return new Closed(status);
        }
        long at = sample.recordedAt().toEpochMilli();
        SequenceRanges ranges = applied.get(sample.deviceId());
        if (ranges != null && ranges.contains(sample.sequenceNumber()) || isBuffered(sample)) {
            return new Duplicate();
        }
        if (lastAppliedAtMillis != null && at < lastAppliedAtMillis) {
            lateSamples++;
            return new TooLate(newestSeenAtMillis - at);
        }
        int index = 0;
        while (index < buffer.size() && EVENT_ORDER.compare(buffer.get(index), sample) <= 0) {
            index++;
        }
        buffer.add(index, sample);
        newestSeenAtMillis = newestSeenAtMillis == null ? at : Math.max(newestSeenAtMillis, at);
        long releaseUpTo = newestSeenAtMillis - settings.grace().toMillis();
        while (!buffer.isEmpty() && buffer.getFirst().recordedAt().toEpochMilli() <= releaseUpTo
                && !heldByOpenPause() && !heldAfterGap(lastOfferedAtMillis, settings)) {
            apply(buffer.removeFirst(), athlete, settings);
        }
        return new Accepted();
    }

    /** Whether the buffer holds this device's sample of that sequence number (a plain loop: it runs per sample). */
    private boolean isBuffered(Sample sample) {
        long sequence = sample.sequenceNumber();
        for (int i = buffer.size() - 1; i >= 0; i--) {
            Sample waiting = buffer.get(i);
            if (waiting.sequenceNumber() == sequence && waiting.deviceId().equals(sample.deviceId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the oldest buffered sample, recorded more than {@link LiveSettings#pauseGap()} after the last applied one,
     * still waits for a pause that may be on its way: the athlete may have paused in the gap, and the pause travels
     * through the workouts service's outbox while the samples after it come straight from the gateway (a watch that
     * uploads a pause and what followed it at once). Applied first, the sample would count the gap as active and its
     * step as distance. It waits {@link LiveSettings#lifecycleLag()} of wall-clock time (and at most
     * {@link #MAX_HELD_WHILE_PAUSED} samples behind it); a gap without a pause (a tunnel) is then applied as it is.
     */
    private boolean heldAfterGap(long wallMillis, LiveSettings settings) {
        if (status != Status.ACTIVE || lastAppliedAtMillis == null || buffer.size() > MAX_HELD_WHILE_PAUSED
                || buffer.getFirst().recordedAt().toEpochMilli() - lastAppliedAtMillis
                        <= settings.pauseGap().toMillis()) {
            return false;
        }
        if (heldAfterGapSinceMillis == null) {
            heldAfterGapSinceMillis = wallMillis;
        }
        return wallMillis - heldAfterGapSinceMillis < settings.lifecycleLag().toMillis();
    }

    /**
     * Whether the oldest buffered sample waits for the open pause to end: it was recorded after the pause began, and
     * the resume may still come. The resume travels through the workouts service (its outbox) while the samples come
     * straight from the gateway, so samples recorded after a resume can arrive before it; applied at once, they would
     * count as paused and their distance would be lost. They wait in the buffer (at most
     * {@link #MAX_HELD_WHILE_PAUSED}, beyond which the oldest are applied as paused) and are applied once the resume
     * came, or as paused when the workout ends without one.
     */
    private boolean heldByOpenPause() {
        if (status != Status.PAUSED || buffer.size() > MAX_HELD_WHILE_PAUSED) {
            return false;
        }
        Pause open = pauses.getLast();
        return open.toMillis() == null && buffer.getFirst().recordedAt().toEpochMilli() >= open.fromMillis();
    }

    /**
     * Records when (wall clock, epoch milliseconds) the latest sample arrived, for {@link #flushIfIdle}. Arrival time,
     * not event time: a device's clock may be skewed, and a device that went quiet sends nothing to measure by.
     */
    public void received(long wallMillis) {
        lastOfferedAtMillis = wallMillis;
    }

    /**
     * Applies every buffered sample for good when none arrived for {@link LiveSettings#grace()} of wall-clock time:
     * the device stopped sending, so no later sample will need the buffer's order. The published figures do not
     * change (they already include the buffer). Samples held by an open pause keep waiting for its resume; one after a
     * gap waits no longer: a pause sent before the device went quiet for the grace period has arrived by now (and a
     * wait begun here would not be stored, as nothing changed). Returns whether anything was applied.
     */
    public boolean flushIfIdle(long wallMillis, Athlete athlete, LiveSettings settings) {
        if (buffer.isEmpty() || isClosed() || wallMillis - lastOfferedAtMillis < settings.grace().toMillis()) {
            return false;
        }
        boolean applied = false;
        while (!buffer.isEmpty() && !heldByOpenPause()) {
            apply(buffer.removeFirst(), athlete, settings);
            applied = true;
        }
        return applied;
    }

    /**
     * Whether this closed session may be {@link #retire() retired}: its final state is published and no sample
     * arrived for {@link LiveSettings#retireClosedAfter()} of wall-clock time.
     */
    public boolean retirable(long wallMillis, LiveSettings settings) {
        return isClosed() && !retired && !unpublished
                && wallMillis - lastOfferedAtMillis >= settings.retireClosedAfter().toMillis();
    }

    /**
     * What is kept of a closed workout once its final state is published for good: its ids, final status and
     * counts, enough to refuse later samples as {@link Closed}, to ignore replayed lifecycle events and to find the
     * workout when its athlete is erased, without the route, the detectors and the sensor statistics (some bytes
     * instead of kilobytes, in the store and on every sweep). A retired session publishes nothing.
     */
    public LiveSession retire() {
        LiveSession kept = open(workoutId, userId);
        kept.sport = sport;
        kept.status = status;
        kept.sampleCount = sampleCount;
        kept.lastSequenceNumber = lastSequenceNumber;
        kept.lateSamples = lateSamples;
        kept.lastUpdateAtMillis = lastUpdateAtMillis;
        kept.updatesEmitted = updatesEmitted;
        kept.lastOfferedAtMillis = lastOfferedAtMillis;
        kept.retired = true;
        return kept;
    }

    /** Whether the session was {@link #retire() retired}. */
    public boolean isRetired() {
        return retired;
    }

    /** Number of samples waiting in the reorder buffer. */
    public int buffered() {
        return buffer.size();
    }

    /** Marks a change that has not been published yet (publication is coalesced per workout). */
    public void changed() {
        unpublished = true;
    }

    /** Marks the current state as published. */
    public void published() {
        unpublished = false;
    }

    /** Whether a change waits to be published. */
    public boolean hasUnpublishedChange() {
        return unpublished;
    }

    /** The workout's sport (from WorkoutStarted): plausible speeds and METs. */
    public void started(UUID startedBy, Sport startedSport) {
        if (userId == null) {
            userId = startedBy;
        }
        sportIs(startedSport);
    }

    /**
     * The workout's sport, learnt from its lifecycle (a start, an athlete's edit, an import): samples that came first
     * were counted at the sport the session had, so the calories counted by the MET method are recounted at the new
     * sport's MET (what a recording imported, or a device streaming before its start, would otherwise keep).
     */
    public void sportIs(Sport known) {
        if (known == null || known == sport) {
            return;
        }
        double recounted = metCaloriesKcal * known.met() / sport.met();
        caloriesKcal += recounted - metCaloriesKcal;
        metCaloriesKcal = recounted;
        sport = known;
    }

    /** The athlete paused the workout at {@code at}. */
    public void paused(Instant at) {
        if (status == Status.ACTIVE) {
            pauses.add(new Pause(at.toEpochMilli(), null));
            status = Status.PAUSED;
        }
    }

    /** The athlete resumed the workout at {@code at}. */
    public void resumed(Instant at) {
        if (status == Status.PAUSED) {
            Pause open = pauses.removeLast();
            pauses.add(new Pause(open.fromMillis(), Math.max(open.fromMillis(), at.toEpochMilli())));
            status = Status.ACTIVE;
        }
    }

    /** The workout ended (completed or cancelled): every buffered sample is applied and the state frozen. */
    public void closed(Status finalStatus, Athlete athlete, LiveSettings settings) {
        if (status == Status.COMPLETED || status == Status.CANCELLED) {
            return;
        }
        applyBuffer(athlete, settings);
        if (lastAppliedAtMillis != null) {
            // the track ends where the workout ends, at its final distance
            recordTrackPoint(lastAppliedAtMillis, null, heartRate.current(), false);
        }
        status = finalStatus;
    }

    /** The track points taken since the last call, in order; the session forgets them. */
    public List<TrackPoint> drainTrackPoints() {
        if (newTrackPoints.isEmpty()) {
            return List.of();
        }
        List<TrackPoint> drained = newTrackPoints;
        newTrackPoints = new ArrayList<>();
        return drained;
    }

    /**
     * Whether this open workout went quiet for {@link LiveSettings#abandonAfter()} of wall-clock time: no sample
     * arrived (or, without any, none since it opened).
     */
    public boolean abandonable(long wallMillis, LiveSettings settings) {
        return !isClosed() && !retired && wallMillis - lastOfferedAtMillis >= settings.abandonAfter().toMillis();
    }

    /** When the latest sample was applied for good, null before any. */
    public Instant lastAppliedAt() {
        return lastAppliedAtMillis == null ? null : Instant.ofEpochMilli(lastAppliedAtMillis);
    }

    private void recordTrackPoint(long at, Double altitudeMeters, Integer bpm, boolean moving) {
        double distance = track.distanceMeters();
        newTrackPoints.add(new TrackPoint(trackPointCount++, at, track.position(), altitudeMeters, bpm, distance,
                status == Status.ACTIVE ? currentSpeed : null, moving));
        lastTrackPointAtMillis = at;
    }

    /** The workout this session is the live state of. */
    public UUID workoutId() {
        return workoutId;
    }

    /**
     * The athlete the workout belongs to (ADR 0012): the user of the record that opened the session, its first sample
     * or its WorkoutStarted, whichever came first in the workout's partition. Null only until one names them.
     */
    public UUID userId() {
        return userId;
    }

    /**
     * Whether a record of {@code user} may change this workout: only its owner's may. Any other user's sample or
     * workout event is foreign and changes nothing.
     */
    public boolean belongsTo(UUID user) {
        return userId == null || userId.equals(user);
    }

    /** Where the workout stands. */
    public Status status() {
        return status;
    }

    /** Whether the workout takes no more samples. */
    public boolean isClosed() {
        return status == Status.COMPLETED || status == Status.CANCELLED;
    }

    /** Whether any sample was taken. */
    public boolean hasSamples() {
        return sampleCount > 0 || !buffer.isEmpty();
    }

    private void applyBuffer(Athlete athlete, LiveSettings settings) {
        while (!buffer.isEmpty()) {
            apply(buffer.removeFirst(), athlete, settings);
        }
        track.finish(settings);
    }

    /** The figures with the reorder buffer applied as well; this state is unchanged. */
    public LiveFigures view(Athlete athlete, LiveSettings settings) {
        LiveSession live = copy();
        live.applyBuffer(athlete, settings);
        return live.figures();
    }

    /**
     * Whether a WorkoutUpdated is due for these figures: the first one, then once {@link LiveSettings#updateEvery()}
     * of event time or {@link LiveSettings#updateEveryMeters()} has passed since the last, and once at the end.
     * Records the emission when it is.
     */
    public boolean updateDue(LiveFigures figures, LiveSettings settings) {
        long at = figures.lastRecordedAt().toEpochMilli();
        boolean finalDone = lastUpdateAtMillis != null && lastUpdateAtMillis == FINAL_UPDATE;
        boolean due = isClosed() ? !finalDone
                : lastUpdateAtMillis == null
                        || at - lastUpdateAtMillis >= settings.updateEvery().toMillis()
                        || figures.distanceMeters() - lastUpdateDistanceMeters >= settings.updateEveryMeters();
        if (due) {
            lastUpdateAtMillis = isClosed() ? FINAL_UPDATE : at;
            lastUpdateDistanceMeters = figures.distanceMeters();
            updatesEmitted++;
        }
        return due;
    }

    /** Number of WorkoutUpdated events emitted so far (names the next one's id). */
    public long updatesEmitted() {
        return updatesEmitted;
    }

    private void apply(Sample sample, Athlete athlete, LiveSettings settings) {
        long at = sample.recordedAt().toEpochMilli();
        long movingBefore = movingMillis;
        heldAfterGapSinceMillis = null;
        applied.computeIfAbsent(sample.deviceId(), device -> new SequenceRanges()).add(sample.sequenceNumber());
        sampleCount++;
        lastSequenceNumber = Math.max(lastSequenceNumber, sample.sequenceNumber());
        long span = lastAppliedAtMillis == null ? 0 : Math.max(0, at - lastAppliedAtMillis);
        long paused = lastAppliedAtMillis == null ? 0 : pausedWithin(lastAppliedAtMillis, at);
        boolean inPause = isPausedAt(at);
        long active = span - paused;
        if (firstAppliedAtMillis == null) {
            firstAppliedAtMillis = at;
        }
        lastAppliedAtMillis = at;
        if (sample.speedMetersPerSecond() != null) {
            lastDeviceSpeed = sample.speedMetersPerSecond();
            recentDeviceSpeeds.add(lastDeviceSpeed);
            while (recentDeviceSpeeds.size() > 3) {
                recentDeviceSpeeds.removeFirst();
            }
        }
        if (inPause || paused > 0) {
            track.finish(settings);
            track.restart();
        }
        if (inPause || paused > 0 || span > settings.maxGap().toMillis()) {
            motion.restart();
        }
        Fix acceptedFix = null;
        if (!inPause) {
            if (sample.position() != null) {
                Fix fix = new Fix(sample.position().latitude(), sample.position().longitude(), at);
                boolean accepted = track.add(fix, sample.accuracyMeters(), sport, settings);
                acceptedFix = accepted ? fix : null;
                if (accepted && sample.altitudeMeters() != null) {
                    elevation.add(sample.altitudeMeters(), settings.elevationThresholdMeters());
                }
            } else if (sample.altitudeMeters() != null) {
                elevation.add(sample.altitudeMeters(), settings.elevationThresholdMeters());
            }
        }
        currentSpeed = sample.speedMetersPerSecond() != null ? sample.speedMetersPerSecond()
                : lastDeviceSpeed != null && sample.position() == null ? lastDeviceSpeed
                : track.speedMetersPerSecond();
        elapsedMillis += active;
        boolean countable = active > 0 && span <= settings.maxGap().toMillis();
        Double movingSpeed = sample.speedMetersPerSecond() != null
                ? Double.valueOf(median(recentDeviceSpeeds))
                : currentSpeed;
        boolean moving = movingSpeed != null && movingSpeed > settings.stoppedSpeedMetersPerSecond()
                || currentSpeed == null && sample.cadenceRpm() != null && sample.cadenceRpm() > 0;
        double metKcal = 0;
        if (lastDeviceSpeed == null && !inPause && (acceptedFix != null || motion.hasFix())) {
            long movingDelta = motion.step(at, acceptedFix, countable ? active : 0, settings);
            movingMillis += movingDelta;
            metKcal = Calories.kcal(sport.met(), athlete.weightOrDefaultKg(), movingDelta);
        } else if (countable && moving) {
            movingMillis += active;
            metKcal = Calories.kcal(sport.met(), athlete.weightOrDefaultKg(), active);
        }
        zoneMaxHeartRateBpm = athlete.maxHeartRateBpm(sample.recordedAt().atZone(ZoneOffset.UTC).getYear());
        Integer bpm = sample.heartRateBpm() != null ? sample.heartRateBpm() : heartRate.current();
        // calories of the interval from the best source it has: power, else heart rate with the athlete's metrics, else
        // MET over moving time (Calories)
        if (countable && sample.powerWatts() != null) {
            double joules = sample.powerWatts() * active / 1000.0;
            workJoules += joules;
            caloriesKcal += Calories.kcalFromWork(joules);
        } else if (countable && bpm != null && athlete.knownForHeartRateCalories()) {
            caloriesKcal += Calories.kcalFromHeartRate(bpm, athlete.restingHeartRateBpm(), zoneMaxHeartRateBpm,
                    athlete.weightKg(), active);
        } else {
            caloriesKcal += metKcal;
            metCaloriesKcal += metKcal;
        }
        if (countable && bpm != null) {
            zoneMillis[HeartRateZones.zoneOf(bpm, zoneMaxHeartRateBpm) - 1] += active;
        }
        heartRate.add(sample.heartRateBpm());
        cadence.add(sample.cadenceRpm());
        power.add(sample.powerWatts());
        if (lastTrackPointAtMillis == null || at - lastTrackPointAtMillis >= settings.trackEvery().toMillis()) {
            recordTrackPoint(at, sample.altitudeMeters(), heartRate.current(),
                    movingMillis > movingBefore || active == 0 && moving);
        }
    }

    /**
     * Median of up to three readings: drops a single-sample blip, shifts both ends of a stop alike. Without sorting a
     * copy: it runs per sample.
     */
    private static double median(List<Double> values) {
        return switch (values.size()) {
            case 1 -> values.get(0);
            case 2 -> (values.get(0) + values.get(1)) / 2;
            case 3 -> {
                double a = values.get(0);
                double b = values.get(1);
                double c = values.get(2);
                yield Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            }
            default -> throw new IllegalArgumentException("a median of 1 to 3 readings, not " + values.size());
        };
    }

    private boolean isPausedAt(long at) {
        for (Pause pause : pauses) {
            if (at >= pause.fromMillis() && (pause.toMillis() == null || at < pause.toMillis())) {
                return true;
            }
        }
        return false;
    }

    private long pausedWithin(long from, long to) {
        long paused = 0;
        for (Pause pause : pauses) {
            long start = Math.max(from, pause.fromMillis());
            long end = Math.min(to, pause.toMillis() == null ? Long.MAX_VALUE : pause.toMillis());
            paused += Math.max(0, end - start);
        }
        return paused;
    }

    private LiveFigures figures() {
        double distance = track.distanceMeters();
        Double avgSpeed = movingMillis > 0 ? distance * 1000.0 / movingMillis : null;
        Double speedNow = status == Status.ACTIVE ? currentSpeed : Double.valueOf(0.0);
        return new LiveFigures(workoutId, userId, sport, status, sampleCount, lastSequenceNumber,
                Instant.ofEpochMilli(firstAppliedAtMillis), Instant.ofEpochMilli(lastAppliedAtMillis),
                track.position(), distance, heartRate.current(), lastDeviceSpeed != null ? lastDeviceSpeed : speedNow,
                elapsedMillis, movingMillis, speedNow, avgSpeed, LiveFigures.paceSecondsPerKm(speedNow),
                LiveFigures.paceSecondsPerKm(avgSpeed), heartRate.average(), heartRate.max(), zoneMaxHeartRateBpm,
                Arrays.stream(zoneMillis).boxed().toList(), elevation.gainMeters(), elevation.lossMeters(),
                caloriesKcal, cadence.average(), cadence.max(), power.average(), power.max(),
                workJoules > 0 ? workJoules / 1000.0 : null, track.rejectedFixes(),
                lateSamples);
    }
}
