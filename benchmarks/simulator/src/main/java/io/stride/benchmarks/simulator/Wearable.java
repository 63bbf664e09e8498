package io.stride.benchmarks.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One simulated watch: records its athlete's samples on its {@link WorkoutClock}, posts them to the gateway in
 * batches, and drives each workout's life through the workouts service as a watch's buttons do ({@link WorkoutPlan}):
 * start, a pause and a resume now and then, and complete (or, now and then, cancel) once its samples are all sent.
 * Without a workouts service ({@code commands} null) it only streams samples.
 */
final class Wearable {

    /** A watch's buttons: the workout commands it sends with its credential (false when not delivered). */
    interface Buttons {
        boolean start(String authorization, UUID workoutId, Instant startTime);

        boolean pause(String authorization, UUID workoutId, Instant at);

        boolean resume(String authorization, UUID workoutId, Instant at);

        boolean complete(String authorization, UUID workoutId, Instant endTime);

        boolean cancel(String authorization, UUID workoutId);
    }

    /** Most samples in one request (the gateway's limit). */
    static final int MAX_BATCH = 500;
    /** Most samples kept for resending while the gateway refuses or is away; older ones are dropped. */
    static final int MAX_BACKLOG = 20_000;

    private final Athlete athlete;
    private final String authorization;
    private final WorkoutClock clock;
    private final Duration period;
    private final int batchSize;
    private final Buttons commands;
    private final Predicate<List<Sample>> gateway;
    private final Random random;
    private final List<Sample> backlog = new ArrayList<>();
    private int workouts;
    private WorkoutPlan plan;
    private Instant workoutStart;
    private Instant lastRecorded;
    private boolean paused;
    private volatile long dropped;

    /**
     * @param gateway posts one batch: true when it was taken (or refused for good), false to send it again later
     */
    Wearable(Athlete athlete, String authorization, WorkoutClock clock, Duration period, int batchSize,
            Buttons commands, Predicate<List<Sample>> gateway, Random random) {
        this.athlete = athlete;
        this.authorization = authorization;
        this.clock = clock;
        this.period = period;
        this.batchSize = batchSize;
        this.commands = commands;
        this.gateway = gateway;
        this.random = random;
    }

    /** Called once per real period: records what is due at {@code now} and sends what makes a batch. */
    void tick(Instant now) {
        for (WorkoutClock.Due due : clock.due(now)) {
            if (due.startsWorkout()) {
                finishWorkout();
                startWorkout(due.recordedAt());
            }
            Duration offset = Duration.between(workoutStart, due.recordedAt());
            if (plan.pausedAt(offset)) {
                if (!paused && commands != null) {
                    commands.pause(authorization, athlete.workoutId(), due.recordedAt());
                }
                paused = true;
                continue;
            }
            if (paused && commands != null) {
                commands.resume(authorization, athlete.workoutId(), due.recordedAt());
            }
            paused = false;
            backlog.add(athlete.step(period.toMillis() / 1000.0, due.recordedAt()));
            lastRecorded = due.recordedAt();
        }
        send(batchSize);
        if (backlog.size() > MAX_BACKLOG) {
            int over = backlog.size() - MAX_BACKLOG;
            backlog.subList(0, over).clear();
            dropped += over;
        }
    }

    /** The watch is switched off: what it holds is sent and the workout in progress completed (never cancelled). */
    void stop() {
        if (plan != null && commands != null) {
            send(1);
            commands.complete(authorization, athlete.workoutId(), lastRecorded);
            plan = null;
        }
    }

    /** Samples dropped because the gateway refused or was away for too long. */
    long dropped() {
        return dropped;
    }

    private void startWorkout(Instant at) {
        athlete.startWorkout(UUID.randomUUID());
        plan = WorkoutPlan.of(workouts++, clock.currentLength(), random);
        workoutStart = at;
        lastRecorded = at;
        paused = false;
        if (commands != null) {
            commands.start(authorization, athlete.workoutId(), at);
        }
    }

    /** Ends the workout in progress, if any, once its samples are sent (else they would come after its end). */
    private void finishWorkout() {
        if (plan == null || commands == null) {
            return;
        }
        send(1);
        if (plan.cancelled()) {
            commands.cancel(authorization, athlete.workoutId());
        } else {
            commands.complete(authorization, athlete.workoutId(), lastRecorded);
        }
    }

    /** Posts batches while at least {@code minimum} samples wait and the gateway takes them. */
    private void send(int minimum) {
        while (backlog.size() >= minimum && !backlog.isEmpty()) {
            List<Sample> batch = List.copyOf(backlog.subList(0, Math.min(MAX_BATCH, backlog.size())));
            if (!gateway.test(batch)) {
                return;
            }
            backlog.subList(0, batch.size()).clear();
        }
    }
}
