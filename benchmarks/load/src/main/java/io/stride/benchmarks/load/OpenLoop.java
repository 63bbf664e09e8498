package io.stride.benchmarks.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Open-loop load: request {@code i} is due at {@code start + i / rate}, whatever became of the earlier ones, and its
 * latency counts from that due time, not from when it was actually sent. A sender held up (a full connection pool, a
 * GC pause, a slow answer) does not stretch the schedule and is not forgiven: coordinated omission cannot hide
 * latency. The sender must not block ({@code HttpClient.sendAsync}); one that does makes the later requests late, and
 * their latency shows it.
 */
final class OpenLoop {

    /**
     * Requests a run keeps in flight at most: one over it is not sent and counts as refused with status
     * {@link #NOT_SENT} (an overloaded service would otherwise exhaust the driver's sockets and file descriptors within
     * seconds of 30-second timeouts at thousands per second).
     */
    static final int MAX_IN_FLIGHT = 4_096;
    /** The status counted for a request the driver did not send (over {@link #MAX_IN_FLIGHT}). */
    static final int NOT_SENT = -2;

    /** What one request does: {@code index} of the run, {@code dueNanos} its due time on {@link System#nanoTime()}. */
    @FunctionalInterface
    interface Sender {
        void send(long index, long dueNanos);
    }

    /**
     * A finished schedule.
     *
     * @param sent         requests sent
     * @param seconds      from the first due time to the last send
     * @param maxLateMillis how late the most delayed request was sent after its due time
     */
    record Schedule(long sent, double seconds, double maxLateMillis) {

        double perSecond() {
            return seconds <= 0 ? 0 : sent / seconds;
        }
    }

    private OpenLoop() {
    }

    /** The due time of request {@code index} of a run that started at {@code startNanos} at {@code perSecond}. */
    static long dueAt(long startNanos, long index, double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("the rate must be above 0");
        }
        return startNanos + (long) (index * 1e9 / perSecond);
    }

    /** Requests in a run of {@code seconds} at {@code perSecond}: those due before its end. */
    static long requests(double perSecond, double seconds) {
        return (long) Math.ceil(perSecond * seconds - 1e-9);
    }

    /** The clock and the wait of a schedule: the system's, or a test's. */
    interface Ticker {
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void waitUntil(long nanos) {
                for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
        };

        long nanoTime();

        void waitUntil(long nanos);
    }

    /** Runs the schedule on the calling thread: each request sent at its due time (at once when already late). */
    static Schedule run(double perSecond, double seconds, Sender sender) {
        return run(perSecond, seconds, sender, Ticker.SYSTEM);
    }

    static Schedule run(double perSecond, double seconds, Sender sender, Ticker ticker) {
        long count = requests(perSecond, seconds);
        long start = ticker.nanoTime();
        long maxLate = 0;
        for (long i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
            long due = dueAt(start, i, perSecond);
            ticker.waitUntil(due);
            maxLate = Math.max(maxLate, ticker.nanoTime() - due);
            sender.send(i, due);
        }
        return new Schedule(count, (ticker.nanoTime() - start) / 1e9,
                maxLate / (double) TimeUnit.MILLISECONDS.toNanos(1));
    }

    /**
     * A finished run of GETs.
     *
     * @param sentPerSecond requests sent per second
     * @param ok answers with status 200 among the measured requests
     * @param failures the other measured requests by status (0: no answer; {@link #NOT_SENT}: over the in-flight cap)
     * @param latency of the measured requests, from their due times
     */
    record Gets(double sentPerSecond, long ok, Map<Integer, Long> failures, LatencySummary latency) {

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * GETs {@code request(i)} open loop at {@code perSecond} for {@code warmupSeconds + seconds}, the first
     * {@code warmupSeconds} unmeasured, then waits up to a minute for the answers still due (those that never come
     * count as status 0).
     */
    static Gets gets(HttpClient http, double perSecond, double seconds, double warmupSeconds,
            LongFunction<HttpRequest> request) {
        LatencySummary.Recorder latencies = new LatencySummary.Recorder();
        Map<Integer, Long> failures = new ConcurrentSkipListMap<>();
        AtomicLong ok = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        long measuredFrom = System.nanoTime() + (long) (warmupSeconds * 1e9);
        Schedule schedule = run(perSecond, warmupSeconds + seconds, (index, due) -> {
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                if (due >= measuredFrom) {
                    failures.merge(NOT_SENT, 1L, Long::sum);
                }
                return;
            }
            inFlight.incrementAndGet();
            http.sendAsync(request.apply(index), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, failure) -> {
                        long now = System.nanoTime();
                        if (due >= measuredFrom) {
                            latencies.record(due, now);
                            if (answer != null && answer.statusCode() == 200) {
                                ok.incrementAndGet();
                            } else {
                                failures.merge(answer == null ? 0 : answer.statusCode(), 1L, Long::sum);
                            }
                        }
                        inFlight.decrementAndGet();
                    });
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        failures.merge(0, (long) inFlight.get(), Long::sum);
        failures.remove(0, 0L);
        return new Gets(schedule.perSecond(), ok.get(), new TreeMap<>(failures), latencies.summary());
    }
}
