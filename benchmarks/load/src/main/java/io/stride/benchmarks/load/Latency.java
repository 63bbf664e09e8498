package io.stride.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Device → live-state latency at an offered load (open loop): {@code clients} connections send batches of
 * {@code batch} samples at fixed times so that together they offer {@code rate} samples/s, each over four workouts in
 * turn, for {@code seconds}; a batch's latency runs from its post to the first committed live state that includes its
 * last sample. The first 3 s are not measured. A batch the gateway answers late delays its client's next one, so the
 * achieved rate is reported beside the offered one.
 *
 * @param offeredRate  samples/s the clients were scheduled to send
 * @param achievedRate samples/s they sent
 * @param batches      batches measured
 */
record Latency(double offeredRate, double achievedRate, int batches, long p50, long p99, long max) {

    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(3);

    static Latency measure(Platform platform, GatewayClient gateway, List<Workload> workloads, int clients,
            double rate, int batch, int seconds) throws Exception {
        Map<String, Queue<long[]>> pending = new ConcurrentHashMap<>();
        workloads.forEach(workload -> pending.put(workload.workoutId.toString(), new ConcurrentLinkedQueue<>()));
        Queue<Long> latencies = new ConcurrentLinkedQueue<>();
        try (LiveStates ignored = new LiveStates(platform, (workoutId, applied) -> {
            Queue<long[]> waiting = pending.get(workoutId);
            if (waiting == null) {
                return;
            }
            long now = System.nanoTime();
            while (!waiting.isEmpty() && waiting.peek()[0] <= applied) {
                latencies.add(TimeUnit.NANOSECONDS.toMillis(now - waiting.poll()[1]));
            }
        })) {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long interval = (long) (TimeUnit.SECONDS.toNanos(1) * (double) batch * clients / rate);
            int perClient = workloads.size() / clients;
            AtomicLong sent = new AtomicLong();
            List<Runnable> sending = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                List<Workload> mine = workloads.subList(c * perClient, (c + 1) * perClient);
                long first = start + interval * c / clients;
                sending.add(() -> {
                    int turn = 0;
                    for (long next = first; next < end && !Thread.currentThread().isInterrupted(); next += interval) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        Workload workload = mine.get(turn++ % mine.size());
                        String json = workload.nextBatch(batch);
                        long lastSequence = workload.nextSequence() - 1;
                        long sentAt = System.nanoTime();
                        if (sentAt - start > WARM_UP_NANOS) {
                            pending.get(workload.workoutId.toString()).add(new long[] {lastSequence, sentAt});
                        }
                        gateway.post(workload, json);
                        sent.addAndGet(batch);
                    }
                });
            }
            Clients.runAll(sending);
            double achieved = sent.get() / EndToEnd.seconds(System.nanoTime() - start);
            long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (pending.values().stream().anyMatch(queue -> !queue.isEmpty()) && System.nanoTime() < drainDeadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            Percentiles percentiles = new Percentiles(latencies.stream().mapToLong(Long::longValue).toArray());
            return new Latency(rate, achieved, percentiles.count(), percentiles.at(50), percentiles.at(99),
                    percentiles.max());
        }
    }
}
