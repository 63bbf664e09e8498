package io.stride.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stride end to end: {@code clients} connections post every workload's samples to the gateway in batches, each
 * waiting for the answer to its batch before sending the next (as a wearable does; each workout belongs to one client,
 * so its batches stay in order), until every workout's last sample is in a committed live state.
 *
 * @param acceptedPerSecond  samples per second the gateway accepted (202: Kafka acknowledged them)
 * @param reflectedPerSecond samples per second from the first post to the last sample in a committed live state
 * @param rateLimited        batches refused with 429 and resent after {@code Retry-After}
 */
record EndToEnd(long samples, double acceptedPerSecond, double reflectedPerSecond, long rateLimited) {

    static EndToEnd measure(Platform platform, GatewayClient gateway, List<Workload> workloads, long perWorkout,
            int clients, int batch) throws Exception {
        try (LiveStates.LastSamples lastSamples = LiveStates.awaiting(platform, workloads, perWorkout)) {
            AtomicLong rateLimited = new AtomicLong();
            long start = System.nanoTime();
            List<Runnable> posting = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                List<Workload> mine = new ArrayList<>();
                for (int w = c; w < workloads.size(); w += clients) {
                    mine.add(workloads.get(w));
                }
                posting.add(() -> post(gateway, mine, perWorkout, batch, rateLimited));
            }
            Clients.runAll(posting);
            long accepted = System.nanoTime();
            long reflected = lastSamples.awaitAll();
            long total = perWorkout * workloads.size();
            return new EndToEnd(total, total / seconds(accepted - start), total / seconds(reflected - start),
                    rateLimited.get());
        }
    }

    /** One client: a batch of each of its workouts in turn, until all are sent. */
    private static void post(GatewayClient gateway, List<Workload> workouts, long perWorkout, int batch,
            AtomicLong rateLimited) {
        boolean more = true;
        while (more) {
            more = false;
            for (Workload workload : workouts) {
                if (workload.nextSequence() <= perWorkout) {
                    int size = (int) Math.min(batch, perWorkout - workload.nextSequence() + 1);
                    rateLimited.addAndGet(gateway.post(workload, workload.nextBatch(size)));
                    more = true;
                }
            }
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
