package io.stride.benchmarks.simulator;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * One simulated athlete wearing one device: runs laps of a route at a varying pace; heart rate drifts towards a
 * level set by the pace; positions carry GPS noise of a few metres, as real receivers do.
 */
final class Athlete {

    private static final double GPS_NOISE_SIGMA_METERS = 3.0;

    final String deviceId;
    final UUID userId;
    private UUID workoutId;
    private final Route route;
    private final Random random;
    private final double basePaceMetersPerSecond;
    private double distanceMeters;
    private double elapsedSeconds;
    private double heartRate = 95;
    private long sequence;

    Athlete(String deviceId, UUID workoutId, UUID userId, Route route, double basePaceMetersPerSecond, Random random) {
        this.deviceId = deviceId;
        this.workoutId = workoutId;
        this.userId = userId;
        this.route = route;
        this.basePaceMetersPerSecond = basePaceMetersPerSecond;
        this.random = random;
    }

    /** Starts another workout from the start of the route, rested; the device keeps counting its samples. */
    void startWorkout(UUID nextWorkoutId) {
        workoutId = nextWorkoutId;
        distanceMeters = 0;
        elapsedSeconds = 0;
        heartRate = 95;
    }

    UUID workoutId() {
        return workoutId;
    }

    /** Advances the athlete by {@code seconds} and returns the sample the device records at {@code at}. */
    Sample step(double seconds, Instant at) {
        elapsedSeconds += seconds;
        double speed = Math.max(0.5, basePaceMetersPerSecond
                * (1 + 0.08 * Math.sin(elapsedSeconds / 45)) + 0.15 * random.nextGaussian());
        distanceMeters += speed * seconds;
        double targetHeartRate = 95 + 20 * speed;
        heartRate += (targetHeartRate - heartRate) * Math.min(1, seconds / 30) + 0.8 * random.nextGaussian();
        double[] point = route.pointAt(distanceMeters);
        double noiseNorth = GPS_NOISE_SIGMA_METERS * random.nextGaussian();
        double noiseEast = GPS_NOISE_SIGMA_METERS * random.nextGaussian();
        double lat = point[0] + noiseNorth / Route.METERS_PER_DEGREE_LAT;
        double lon = point[1] + noiseEast / (Route.METERS_PER_DEGREE_LAT * Math.cos(Math.toRadians(point[0])));
        double altitude = 150 + 8 * Math.sin(distanceMeters / 250);
        return new Sample(deviceId, workoutId, userId, ++sequence, at, lat, lon, altitude,
                3 + 4 * random.nextDouble(), (int) Math.round(heartRate), speed, (int) Math.round(150 + 6 * speed));
    }

    double distanceMeters() {
        return distanceMeters;
    }
}
