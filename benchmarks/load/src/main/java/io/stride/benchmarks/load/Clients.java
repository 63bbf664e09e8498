package io.stride.benchmarks.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Concurrent HTTP clients of a run, one thread each. */
final class Clients {

    private Clients() {
    }

    /**
     * An HTTP/1.1 client for load phases (one virtual thread per request in flight, a 10-s connect timeout), so that an
     * open-loop phase's requests are not queued behind a fixed pool.
     */
    static HttpClient loadClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /**
     * Runs each client on its own thread until all are done. The first that fails interrupts the others and its
     * failure is thrown, instead of the run waiting for samples that will never come.
     */
    static void runAll(List<Runnable> clients) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients.size())) {
            ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
            clients.forEach(client -> done.submit(client, null));
            for (int i = 0; i < clients.size(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw new IllegalStateException("a client failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }
}
