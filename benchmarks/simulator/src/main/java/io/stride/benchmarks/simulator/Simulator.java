package io.stride.benchmarks.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A fleet of simulated wearables. Each device records one sample per period and posts its samples to the
 * telemetry gateway in batches, as a watch that buffers a few seconds does.
 *
 * <pre>
 * java -cp benchmarks/simulator/target/classes io.stride.benchmarks.simulator.Simulator [options]
 *   --gateway URL        gateway base URL                     (default http://127.0.0.1:8081)
 *   --devices N          simulated wearables                  (default 5)
 *   --period-ms N        time between two samples of a device (default 1000)
 *   --batch N            samples per request                  (default 2)
 *   --duration-s N       stop after N seconds, 0 = until killed (default 0)
 *   --seed N             random seed, for repeatable routes   (default 42)
 * </pre>
 */
public final class Simulator {

    private static final double MOSCOW_LAT = 55.7558;
    private static final double MOSCOW_LON = 37.6173;

    private Simulator() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        Random random = new Random(options.seed);
        List<Athlete> athletes = new ArrayList<>();
        for (int i = 0; i < options.devices; i++) {
            // Athletes share a few square kilometres of the city, so their routes cross on the live map.
            double lat = MOSCOW_LAT + (random.nextDouble() - 0.5) * 0.008;
            double lon = MOSCOW_LON + (random.nextDouble() - 0.5) * 0.012;
            Route route = Route.loop(lat, lon, 250 + 300 * random.nextDouble(), 24, random);
            athletes.add(new Athlete("sim-watch-" + (i + 1), UUID.randomUUID(), UUID.randomUUID(), route,
                    2.6 + 1.2 * random.nextDouble(), new Random(random.nextLong())));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI endpoint = URI.create(options.gateway + "/api/v1/telemetry/batches");
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        Clock clock = Clock.systemUTC();
        System.out.printf("simulator: %d wearables posting to %s%n", options.devices, endpoint);
        for (Athlete athlete : athletes) {
            List<Sample> buffer = new ArrayList<>();
            scheduler.scheduleAtFixedRate(() -> {
                buffer.add(athlete.step(options.periodMillis / 1000.0, clock.instant()));
                if (buffer.size() >= options.batch) {
                    List<Sample> batch = List.copyOf(buffer);
                    buffer.clear();
                    post(http, endpoint, batch, sent, failed);
                }
            }, random.nextInt((int) options.periodMillis), options.periodMillis, TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleAtFixedRate(() -> System.out.printf("simulator: %s samples accepted=%d failed=%d%n",
                Instant.now(), sent.get(), failed.get()), 10, 10, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(scheduler::shutdownNow));
        if (options.durationSeconds > 0) {
            scheduler.awaitTermination(options.durationSeconds, TimeUnit.SECONDS);
            scheduler.shutdownNow();
            System.out.printf("simulator: done accepted=%d failed=%d%n", sent.get(), failed.get());
        } else {
            scheduler.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        }
    }

    private static void post(HttpClient http, URI endpoint, List<Sample> batch, AtomicLong sent, AtomicLong failed) {
        String body = batch.stream().map(Sample::toJson).collect(Collectors.joining(",", "{\"samples\":[", "]}"));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Caller-Service", "wearable-simulator")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                sent.addAndGet(batch.size());
            } else {
                failed.addAndGet(batch.size());
                System.out.printf("simulator: gateway answered %d %s%n", response.statusCode(), response.body());
            }
        } catch (java.io.IOException e) {
            failed.addAndGet(batch.size());
            System.out.printf("simulator: gateway unreachable (%s)%n", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Command-line options. */
    record Options(String gateway, int devices, long periodMillis, int batch, long durationSeconds, long seed) {

        static Options parse(String[] args) {
            String gateway = "http://127.0.0.1:8081";
            int devices = 5;
            long period = 1000;
            int batch = 2;
            long duration = 0;
            long seed = 42;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--gateway" -> gateway = value;
                    case "--devices" -> devices = Integer.parseInt(value);
                    case "--period-ms" -> period = Long.parseLong(value);
                    case "--batch" -> batch = Integer.parseInt(value);
                    case "--duration-s" -> duration = Long.parseLong(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (see the class javadoc of " + Simulator.class.getName() + ")");
                }
                i++;
            }
            return new Options(gateway, devices, period, batch, duration, seed);
        }
    }
}
