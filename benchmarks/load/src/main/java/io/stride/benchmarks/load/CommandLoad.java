package io.stride.benchmarks.load;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The command API in a closed loop: {@code concurrency} clients, each sending its next command as soon as the previous
 * one is answered, through whole workout lives (start, pause, resume, tag, complete) of its athlete, for
 * {@code seconds}. Throughput is applied commands per second; latency is each command's round trip (in a closed loop
 * a slow answer delays the client's next command, so these are service times at that concurrency, not latencies at an
 * offered rate: {@link ProjectionLag} offers a rate).
 *
 * @param concurrency clients
 * @param applied     commands answered with their applied status
 * @param refused     other answers (by status in {@code statuses}) and failures (status 0)
 * @param latency     round trip of every answered command
 * @param workouts    workouts started, with their athlete, for the reads later
 */
record CommandLoad(int concurrency, double seconds, long applied, long refused, Map<Integer, Long> statuses,
        LatencySummary latency, List<StartedWorkout> workouts) {

    /** A workout the run started, and whose it is. */
    record StartedWorkout(UUID workoutId, Athletes.Athlete athlete) {
    }

    double perSecond() {
        return applied / seconds;
    }

    static CommandLoad run(WorkoutsApi api, List<Athletes.Athlete> athletes, int concurrency, double seconds)
            throws InterruptedException {
        LatencySummary.Recorder latencies = new LatencySummary.Recorder();
        AtomicLong applied = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentSkipListMap<>();
        Queue<StartedWorkout> started = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Runnable> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Athletes.Athlete athlete = athletes.get(c % athletes.size());
            clients.add(() -> {
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                    WorkoutsApi.Lifecycle workout = new WorkoutsApi.Lifecycle(athlete);
                    boolean going = true;
                    while (going && System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        int status;
                        long version = -1;
                        try {
                            HttpResponse<String> answer = api.send(workout);
                            status = answer.statusCode();
                            version = WorkoutsApi.version(answer);
                        } catch (java.io.IOException e) {
                            status = 0;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        latencies.record(sent, System.nanoTime());
                        if (status == workout.step.status && version > 0) {
                            applied.incrementAndGet();
                            if (workout.step == WorkoutsApi.Step.START) {
                                started.add(new StartedWorkout(workout.workoutId, athlete));
                            }
                            going = workout.advance(version);
                        } else {
                            statuses.merge(status, 1L, Long::sum);
                            going = false;
                        }
                    }
                }
            });
        }
        Clients.runAll(clients);
        double elapsed = (System.nanoTime() - start) / (double) TimeUnit.SECONDS.toNanos(1);
        long refused = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new CommandLoad(concurrency, elapsed, applied.get(), refused, new TreeMap<>(statuses),
                latencies.summary(), List.copyOf(started));
    }
}
