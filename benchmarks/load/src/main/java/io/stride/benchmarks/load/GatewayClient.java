package io.stride.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Posts telemetry batches to the gateway as a wearable does: its credential on every request, 429 answered by waiting. */
final class GatewayClient {

    private final URI batches;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    GatewayClient(String gateway) {
        this.batches = URI.create(gateway + "/api/v1/telemetry/batches");
    }

    /**
     * Posts a JSON batch until the gateway accepts it (202); on 429 waits {@code Retry-After} and resends, as a device
     * does. Returns how many times it was refused with 429.
     */
    int post(Workload workload, String batch) {
        HttpRequest request = request(workload, batch, Duration.ofSeconds(30));
        int rateLimited = 0;
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return rateLimited;
                }
                if (response.statusCode() != 429) {
                    throw new IllegalStateException("gateway answered " + response.statusCode() + ": "
                            + response.body());
                }
                rateLimited++;
                TimeUnit.SECONDS.sleep(Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
            } catch (IOException e) {
                throw new IllegalStateException("gateway unreachable", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Waits (30 s at most) until the gateway admits a device: an empty batch is answered 401 while it does not, and
     * 400 (a batch must hold a sample) once it does. Publishes nothing.
     */
    void awaitAdmitted(Workload workload) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpRequest probe = request(workload, "{\"samples\":[]}", Duration.ofSeconds(10));
        while (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 401) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not admit the registered devices within 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private HttpRequest request(Workload workload, String body, Duration timeout) {
        return HttpRequest.newBuilder(batches)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", workload.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
