package io.stride.benchmarks.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When one device records its samples, on a simulated clock that may run {@code speedup} times faster than the real
 * one. Samples stay {@code period} apart in recorded time whatever the speed-up, so the processor sees a realistic
 * workout; only more of them are due per real second.
 *
 * <p>A faster clock would run into the future, which the gateway refuses (more than 5 minutes ahead). So with a
 * speed-up a workout lasts {@code workoutLength} of simulated time and starts that much earlier than real time, less
 * the real time it takes: it ends at the real "now", and the next workout starts again in the past. No recorded time
 * is ever ahead of the real clock (at most 7 days behind it), so every sample passes the gateway's
 * {@code recorded_at} checks.
 */
final class WorkoutClock {

    /** A sample due: when it is recorded, and whether it opens a new workout. */
    record Due(Instant recordedAt, boolean startsWorkout) {
    }

    /** The oldest a recorded time may be at the gateway, with a day of margin. */
    static final Duration MAX_LEAD = Duration.ofDays(6);

    private final double speedup;
    private final Duration period;
    private final Duration workoutLength;
    private final Duration firstWorkoutLength;
    private Duration currentLength;
    private Instant next;
    private Instant workoutEnd;
    private double pending;

    /**
     * @param speedup       simulated seconds per real second, at least 1
     * @param period        recorded time between two samples
     * @param workoutLength simulated length of one workout; {@code null} or zero for one endless workout
     */
    WorkoutClock(double speedup, Duration period, Duration workoutLength) {
        this(speedup, period, workoutLength, workoutLength);
    }

    /**
     * @param firstWorkoutLength simulated length of the first workout (a short one shows a finished workout early);
     *                           ignored for endless workouts
     */
    WorkoutClock(double speedup, Duration period, Duration workoutLength, Duration firstWorkoutLength) {
        if (speedup < 1) {
            throw new IllegalArgumentException("speedup must be at least 1: " + speedup);
        }
        this.speedup = speedup;
        this.period = period;
        this.workoutLength = workoutLength == null || workoutLength.isZero() ? null : workoutLength;
        this.firstWorkoutLength = this.workoutLength == null || firstWorkoutLength == null
                || firstWorkoutLength.isZero() ? this.workoutLength : firstWorkoutLength;
        for (Duration length : new Duration[] {this.workoutLength, this.firstWorkoutLength}) {
            if (length != null && lead(length, speedup).compareTo(MAX_LEAD) > 0) {
                throw new IllegalArgumentException("a workout of " + length + " at speedup " + speedup
                        + " would start more than " + MAX_LEAD + " in the past");
            }
        }
    }

    /** How far in the past a workout starts so that it ends at the real time it completes. */
    static Duration lead(Duration workoutLength, double speedup) {
        return Duration.ofMillis(Math.round(workoutLength.toMillis() * (1 - 1 / speedup)));
    }

    /**
     * The samples due at the real time {@code now}, called once per real {@code period}: {@code speedup} samples on
     * average, none recorded after {@code now}.
     */
    List<Due> due(Instant now) {
        List<Due> due = new ArrayList<>((int) Math.ceil(speedup));
        boolean starts = false;
        if (next == null) {
            startWorkout(now);
            starts = true;
        }
        pending = Math.min(pending + speedup, speedup * 2);
        while (pending >= 1) {
            if (workoutEnd != null && !next.isBefore(workoutEnd)) {
                startWorkout(now);
                starts = true;
            }
            if (next.isAfter(now)) {
                break;
            }
            due.add(new Due(next, starts));
            starts = false;
            next = next.plus(period);
            pending -= 1;
        }
        return due;
    }

    /** The simulated length of the workout in progress; {@code null} when workouts are endless. */
    Duration currentLength() {
        return currentLength;
    }

    private void startWorkout(Instant now) {
        currentLength = next == null ? firstWorkoutLength : workoutLength;
        if (currentLength == null) {
            next = now;
            workoutEnd = null;
        } else {
            next = now.minus(lead(currentLength, speedup));
            workoutEnd = next.plus(currentLength);
        }
    }
}
