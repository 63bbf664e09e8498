package io.stride.benchmarks.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projection lag at an offered rate of events: commands sent to the command API open loop ({@link OpenLoop}), each
 * appending one event (start, pause, resume, tag, completion request; live-workout's final figures then add one
 * {@code WorkoutCompleted} per five), and for every {@code probeEvery}-th applied command the time until the history
 * shows it: its summary in Redis at the command's version. The projection writes MongoDB, then ClickHouse, then Redis,
 * for each batch (query-services/workout-history, {@code WorkoutProjector}), so a summary at version v in Redis means
 * every read model holds the event. The driver reads Redis itself ({@link RedisReader}, every
 * {@value #PROBE_ROUND_MILLIS} ms), not the service under test.
 *
 * <p>Visible is measured from the command's answer (its transaction committed: the event is in the event store) and,
 * to keep coordinated omission out, also from the command's due time. A probe never seen within
 * {@value #DRAIN_SECONDS} s counts with the time it was waited for.
 *
 * @param offered      commands/s the schedule offered
 * @param sentPerSecond commands/s it sent
 * @param applied      commands answered with their applied status (each appended one event)
 * @param refused      other answers and failures (unanswered within the drain time included)
 * @param statuses     the refused by status (0: no answer)
 * @param commands     each command's latency from its due time to its answer
 * @param visible      probes: the command's answer → the event in every read model
 * @param visibleFromDue probes: the command's due time → the event in every read model
 * @param notVisible   probes not seen within the drain time
 */
record ProjectionLag(double offered, double sentPerSecond, double seconds, long applied, long refused,
        Map<Integer, Long> statuses, LatencySummary commands, LatencySummary visible, LatencySummary visibleFromDue, int notVisible) {

    static final int PROBE_ROUND_MILLIS = 2;
    static final int DRAIN_SECONDS = 60;
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    double appliedPerSecond() {
        return applied / seconds;
    }

    /** An event followed into the read models: its workout's summary key and version, when due and when committed. */
    record Probe(String key, long version, long dueNanos, long answeredNanos) {
    }

    static ProjectionLag measure(WorkoutsApi api, String redisUrl, List<Athletes.Athlete> athletes, double rate,
            double seconds, int probeEvery) throws Exception {
        Queue<WorkoutsApi.Lifecycle> ready = new ConcurrentLinkedQueue<>();
        Queue<Probe> probes = new ConcurrentLinkedQueue<>();
        LatencySummary.Recorder commands = new LatencySummary.Recorder();
        LatencySummary.Recorder visible = new LatencySummary.Recorder();
        LatencySummary.Recorder visibleFromDue = new LatencySummary.Recorder();
        AtomicLong applied = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentSkipListMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger nextAthlete = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger notVisible = new AtomicInteger();
        AtomicReference<RuntimeException> probeFailure = new AtomicReference<>();
        Thread prober = Thread.ofPlatform().name("probe").start(() -> {
            try {
                probe(redisUrl, probes, visible, visibleFromDue, sending, notVisible);
            } catch (RuntimeException e) {
                probeFailure.set(e);
            }
        });
        long start = System.nanoTime();
        OpenLoop.Schedule schedule = OpenLoop.run(rate, seconds, (index, due) -> {
            if (inFlight.get() >= OpenLoop.MAX_IN_FLIGHT) {
                statuses.merge(OpenLoop.NOT_SENT, 1L, Long::sum);
                return;
            }
            WorkoutsApi.Lifecycle polled = ready.poll();
            WorkoutsApi.Lifecycle workout = polled != null ? polled
                    : new WorkoutsApi.Lifecycle(athletes.get(Math.floorMod(nextAthlete.getAndIncrement(),
                            athletes.size())));
            WorkoutsApi.Step step = workout.step;
            inFlight.incrementAndGet();
            api.sendAsync(workout).whenComplete((answer, failure) -> {
                long now = System.nanoTime();
                commands.record(due, now);
                long version = answer == null ? -1 : WorkoutsApi.version(answer);
                if (answer != null && answer.statusCode() == step.status && version > 0) {
                    long count = applied.incrementAndGet();
                    if (count % probeEvery == 0) {
                        probes.add(new Probe("workout-history:summary:" + workout.workoutId, version, due, now));
                    }
                    if (workout.advance(version)) {
                        ready.add(workout);
                    }
                } else {
                    statuses.merge(answer == null ? 0 : answer.statusCode(), 1L, Long::sum);
                }
                inFlight.decrementAndGet();
            });
        });
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        sending.set(false);
        prober.join();
        if (probeFailure.get() != null) {
            throw probeFailure.get();
        }
        if (inFlight.get() > 0) {
            statuses.merge(0, (long) inFlight.get(), Long::sum);
        }
        long refused = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new ProjectionLag(rate, schedule.perSecond(), elapsed, applied.get(), refused,
                new TreeMap<>(statuses), commands.summary(), visible.summary(), visibleFromDue.summary(), notVisible.get());
    }

    /**
     * Reads each pending probe's summary until it shows the probe's version; after the commands stop, waits at most
     * {@value #DRAIN_SECONDS} s for the rest and counts those as not visible, with the time waited.
     */
    static void probe(String redisUrl, Queue<Probe> probes, LatencySummary.Recorder visible,
            LatencySummary.Recorder visibleFromDue, AtomicBoolean sending, AtomicInteger notVisible) {
        List<Probe> pending = new ArrayList<>();
        long deadline = Long.MAX_VALUE;
        try (RedisReader redis = new RedisReader(redisUrl)) {
            while (true) {
                for (Probe probe = probes.poll(); probe != null; probe = probes.poll()) {
                    pending.add(probe);
                }
                for (Iterator<Probe> it = pending.iterator(); it.hasNext(); ) {
                    Probe probe = it.next();
                    if (summaryVersion(redis.get(probe.key())) >= probe.version()) {
                        long now = System.nanoTime();
                        visible.record(probe.answeredNanos(), now);
                        visibleFromDue.record(probe.dueNanos(), now);
                        it.remove();
                    }
                }
                if (!sending.get() && probes.isEmpty()) {
                    if (pending.isEmpty()) {
                        return;
                    }
                    if (deadline == Long.MAX_VALUE) {
                        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
                    } else if (System.nanoTime() > deadline) {
                        long now = System.nanoTime();
                        for (Probe probe : pending) {
                            visible.record(probe.answeredNanos(), now);
                            visibleFromDue.record(probe.dueNanos(), now);
                        }
                        notVisible.set(pending.size());
                        return;
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PROBE_ROUND_MILLIS));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading the history's summaries from Redis failed", e);
        }
    }

    /** The {@code version} of a summary's JSON, -1 without one (no summary yet). */
    static long summaryVersion(String summaryJson) {
        if (summaryJson == null) {
            return -1;
        }
        Matcher version = VERSION.matcher(summaryJson);
        return version.find() ? Long.parseLong(version.group(1)) : -1;
    }
}
