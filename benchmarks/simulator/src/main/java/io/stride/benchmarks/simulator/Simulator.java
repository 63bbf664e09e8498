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
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * A fleet of simulated wearables. Each belongs to a demo athlete who registered it through the users service, as a
 * real user does; each device records one sample per period and posts its samples to the telemetry gateway in
 * batches with its credential ({@code Authorization: Device <device_id>.<secret>}), as a watch that buffers a few
 * seconds does, and drives each workout through the workouts service with the same credential (start, a pause and a
 * resume now and then, complete or now and then cancel: {@link Wearable}).
 *
 * <pre>
 * java -cp benchmarks/simulator/target/classes io.stride.benchmarks.simulator.Simulator [options]
 *   --gateway URL          gateway base URL                            (default http://127.0.0.1:8081)
 *   --users URL            users service base URL                      (default http://127.0.0.1:8084)
 *   --workouts URL         workouts service base URL, none = samples only (default http://127.0.0.1:8085)
 *   --devices N            simulated wearables, one per demo athlete   (default 5)
 *   --first-athlete N      number of the first demo athlete            (default 1)
 *   --period-ms N          recorded time between two samples           (default 1000)
 *   --batch N              samples per request (times the speed-up)    (default 2)
 *   --speedup F            simulated clock F times faster than real    (default 1)
 *   --workout-minutes M    simulated length of a workout, then another (default 60 with a speed-up, else endless)
 *   --first-workout-minutes M  simulated length of each device's first  (default: --workout-minutes)
 *   --duration-s N         stop after N seconds, 0 = until killed      (default 0)
 *   --seed N               random seed, for repeatable routes          (default 42)
 * </pre>
 *
 * With {@code --speedup F} a device records F samples per real period, still {@code period-ms} apart in recorded
 * time; workouts start in the past and end at the real "now" ({@link WorkoutClock}), so that the gateway's
 * {@code recorded_at} checks (at most 5 minutes ahead, 7 days old) accept every sample.
 */
public final class Simulator {

    private static final double MOSCOW_LAT = 55.7558;
    private static final double MOSCOW_LON = 37.6173;
    private static final Duration USERS_SERVICE_PATIENCE = Duration.ofSeconds(90);

    private Simulator() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        Random random = new Random(options.seed);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        DemoAccounts accounts = new DemoAccounts(http, options.users, DemoMailbox.fromEnvironment());
        List<Athlete> athletes = new ArrayList<>();
        List<DemoAccounts.DemoAthlete> demoAthletes = new ArrayList<>();
        for (int i = 0; i < options.devices; i++) {
            DemoAccounts.DemoAthlete demo;
            try {
                demo = accounts.prepareWhenUp(options.firstAthlete + i, USERS_SERVICE_PATIENCE);
            } catch (DemoAccounts.UsersServiceRefused e) {
                System.out.printf("simulator: cannot get a device credential: %s%n", e.getMessage());
                System.exit(2);
                return;
            }
            demoAthletes.add(demo);
            // Athletes share a few square kilometres of the city, so their routes cross on the live map.
            double lat = MOSCOW_LAT + (random.nextDouble() - 0.5) * 0.008;
            double lon = MOSCOW_LON + (random.nextDouble() - 0.5) * 0.012;
            Route route = Route.loop(lat, lon, 250 + 300 * random.nextDouble(), 24, random);
            athletes.add(new Athlete(demo.deviceId(), UUID.randomUUID(), demo.userId(), route,
                    2.6 + 1.2 * random.nextDouble(), new Random(random.nextLong())));
        }
        for (DemoAccounts.DemoAthlete demo : demoAthletes) {
            System.out.printf("simulator: demo athlete %s password %s (device %s)%n", demo.email(),
                    DemoAccounts.DEMO_PASSWORD, demo.deviceId());
        }
        URI endpoint = URI.create(options.gateway + "/api/v1/telemetry/batches");
        WorkoutCommands commands = options.workouts.isEmpty() ? null : new WorkoutCommands(http, options.workouts);
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        Clock clock = Clock.systemUTC();
        Duration period = Duration.ofMillis(options.periodMillis);
        int batchSize = (int) Math.min(Wearable.MAX_BATCH, Math.max(1, Math.round(options.batch * options.speedup)));
        System.out.printf("simulator: %d wearables posting to %s, clock x%s%s%s%n", options.devices, endpoint,
                options.speedup, options.workoutMinutes > 0 ? ", workouts of " + options.workoutMinutes + " min"
                        + (options.firstWorkoutMinutes > 0 ? " (the first " + options.firstWorkoutMinutes + ")" : "")
                        : "",
                commands == null ? "" : ", started, paused, resumed and completed at " + options.workouts);
        List<Wearable> wearables = new ArrayList<>();
        for (int i = 0; i < athletes.size(); i++) {
            String authorization = demoAthletes.get(i).authorization();
            WorkoutClock workoutClock = new WorkoutClock(options.speedup, period,
                    Duration.ofMinutes(options.workoutMinutes), Duration.ofMinutes(options.firstWorkoutMinutes));
            Wearable wearable = new Wearable(athletes.get(i), authorization, workoutClock, period, batchSize, commands,
                    batch -> post(http, endpoint, authorization, batch, sent), new Random(random.nextLong()));
            wearables.add(wearable);
            scheduler.scheduleAtFixedRate(() -> wearable.tick(clock.instant()),
                    random.nextInt((int) options.periodMillis), options.periodMillis, TimeUnit.MILLISECONDS);
        }
        LongSupplier failed = () -> wearables.stream().mapToLong(Wearable::dropped).sum();
        scheduler.scheduleAtFixedRate(() -> System.out.printf("simulator: %s samples accepted=%d dropped=%d%n",
                Instant.now(), sent.get(), failed.getAsLong()), 10, 10, TimeUnit.SECONDS);
        // stopped (./stride up's Ctrl-C or SIGTERM stops the simulator before the apps): each wearable sends what it
        // holds and completes its workout in progress, so that no workout of the demo stays open
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            wearables.forEach(Wearable::stop);
        }));
        if (options.durationSeconds > 0) {
            scheduler.awaitTermination(options.durationSeconds, TimeUnit.SECONDS);
            scheduler.shutdownNow();
            System.out.printf("simulator: done accepted=%d dropped=%d%n", sent.get(), failed.getAsLong());
        } else {
            scheduler.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        }
    }

    /**
     * Posts one batch; true when the gateway took it (202) or refused it for good (400: its valid samples are
     * published, the others will never be), false when it should be sent again (401 before the gateway has read a
     * new credential, 429, 5xx, gateway away).
     */
    private static boolean post(HttpClient http, URI endpoint, String authorization, List<Sample> batch,
            AtomicLong sent) {
        String body = batch.stream().map(Sample::toJson).collect(Collectors.joining(",", "{\"samples\":[", "]}"));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .header("X-Caller-Service", "wearable-simulator")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 202) {
                sent.addAndGet(batch.size());
                return true;
            }
            System.out.printf("simulator: gateway answered %d %s%n", status, errorCode(response.body()));
            return status == 400 || status == 403 || status == 413;
        } catch (java.io.IOException e) {
            System.out.printf("simulator: gateway unreachable (%s)%n", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String errorCode(String body) {
        try {
            return DemoAccounts.field(body, "error");
        } catch (DemoAccounts.UsersServiceRefused e) {
            return "";
        }
    }

    /** Command-line options. */
    record Options(String gateway, String users, String workouts, int devices, int firstAthlete, long periodMillis,
            int batch, double speedup, long workoutMinutes, long firstWorkoutMinutes, long durationSeconds, long seed) {

        static Options parse(String[] args) {
            String gateway = "http://127.0.0.1:8081";
            String users = "http://127.0.0.1:8084";
            String workouts = "http://127.0.0.1:8085";
            long firstWorkoutMinutes = 0;
            double speedup = 1;
            long workoutMinutes = -1;
            int devices = 5;
            int firstAthlete = 1;
            long period = 1000;
            int batch = 2;
            long duration = 0;
            long seed = 42;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--gateway" -> gateway = value;
                    case "--users" -> users = value;
                    case "--workouts" -> workouts = value.equals("none") ? "" : value;
                    case "--first-workout-minutes" -> firstWorkoutMinutes = Long.parseLong(value);
                    case "--speedup" -> speedup = Double.parseDouble(value);
                    case "--workout-minutes" -> workoutMinutes = Long.parseLong(value);
                    case "--devices" -> devices = Integer.parseInt(value);
                    case "--first-athlete" -> firstAthlete = Integer.parseInt(value);
                    case "--period-ms" -> period = Long.parseLong(value);
                    case "--batch" -> batch = Integer.parseInt(value);
                    case "--duration-s" -> duration = Long.parseLong(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (see the class javadoc of " + Simulator.class.getName() + ")");
                }
                i++;
            }
            if (speedup < 1) {
                throw new IllegalArgumentException("--speedup must be at least 1");
            }
            if (workoutMinutes < 0) {
                workoutMinutes = speedup > 1 ? 60 : 0;
            }
            return new Options(gateway, users, workouts, devices, firstAthlete, period, batch, speedup, workoutMinutes,
                    firstWorkoutMinutes, duration, seed);
        }
    }
}
