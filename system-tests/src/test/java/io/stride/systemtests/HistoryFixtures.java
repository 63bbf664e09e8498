package io.stride.systemtests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.stride.platform.kafka.CompactedTopicReader;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.TrackPoint;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutCompletedData;
import io.stride.schemas.workout.WorkoutSource;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutStartedData;
import io.stride.schemas.workout.WorkoutTagAdded;
import io.stride.schemas.workout.WorkoutTagAddedData;
import io.stride.testing.Devstack;

/**
 * Finished workouts as the workouts service publishes them (ADR 0013): started, completed with live-workout's final
 * figures and track, tagged; sealed with the athlete's telemetry key (ADR 0010), which is read, as the apps read it,
 * from {@code users.telemetry-keys} (the users app publishes it at registration).
 */
final class HistoryFixtures implements AutoCloseable {

    static final double EARTH_MEAN_RADIUS_METERS = 6_371_008.8;

    private final UserKeyring keys = new UserKeyring();
    private final CompactedTopicReader reader;

    HistoryFixtures() {
        Map<String, String> devstack = Devstack.addresses();
        reader = TelemetryKeys.follow(keys, TelemetryKeys.readKek(Path.of(devstack.get(
                Devstack.TELEMETRY_KEK_LOCATION))), devstack.get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                devstack.get(Devstack.APICURIO_REGISTRY_URL));
    }

    /** The athletes' keys, as the apps hold them. */
    UserKeyring keys() {
        return keys;
    }

    @Override
    public void close() {
        reader.close();
    }

    /** A point of a recorded track: offset, position, altitude, heart rate, cumulative distance, speed. */
    record Point(long offsetMillis, double latitude, double longitude, double altitude, int heartRate,
            double distance, double speed) {
    }

    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dPhi = Math.toRadians(lat2 - lat1);
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return EARTH_MEAN_RADIUS_METERS * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /**
     * A run around a park, a point every 5 s: a wavy loop of about 4.5 km a lap, speed between 2.6 and 3.6 m/s, two
     * hills a lap, heart rate rising with the effort; distance along the points (haversine).
     */
    static List<Point> parkRun(double centreLat, double centreLon, long seconds) {
        List<Point> points = new ArrayList<>();
        double theta = 0;
        double metersPerDegreeLat = Math.toRadians(1) * EARTH_MEAN_RADIUS_METERS;
        double metersPerDegreeLon = metersPerDegreeLat * Math.cos(Math.toRadians(centreLat));
        double[] position = loop(theta, centreLat, centreLon, metersPerDegreeLat, metersPerDegreeLon);
        double distance = 0;
        for (long t = 0; t <= seconds; t += 5) {
            double speed = 3.1 + 0.5 * Math.sin(t / 240.0);
            if (t > 0) {
                double target = speed * 5;
                double covered = 0;
                while (covered < target) {
                    theta += 0.00005;
                    double[] next = loop(theta, centreLat, centreLon, metersPerDegreeLat, metersPerDegreeLon);
                    covered += haversine(position[0], position[1], next[0], next[1]);
                    position = next;
                }
                distance += covered;
            }
            double altitude = 42 + 14 * Math.sin(theta * 2) + 3 * Math.sin(theta * 7);
            int heartRate = (int) Math.round(128 + 22 * Math.min(1, t / 900.0) + 8 * Math.sin(t / 240.0));
            points.add(new Point(t * 1000, position[0], position[1], altitude, heartRate, distance, speed));
        }
        return points;
    }

    private static double[] loop(double theta, double lat, double lon, double perLat, double perLon) {
        double radius = 700 + 160 * Math.sin(3 * theta) + 70 * Math.cos(5 * theta);
        return new double[] {lat + radius * Math.sin(theta) * 0.75 / perLat, lon + radius * Math.cos(theta) / perLon};
    }

    /** WorkoutStarted, WorkoutCompleted (figures and track, the given distance) and a tag. */
    static List<SpecificRecord> events(UUID workout, UUID athlete, Instant start, SportType sport, String title,
            List<Point> track, double distance) {
        Point last = track.getLast();
        Instant end = start.plusMillis(last.offsetMillis());
        double gain = 0;
        for (int i = 1; i < track.size(); i++) {
            gain += Math.max(0, track.get(i).altitude() - track.get(i - 1).altitude());
        }
        FinalFigures figures = FinalFigures.newBuilder()
                .setEndReason(EndReason.COMPLETED)
                .setStartedAt(start)
                .setEndedAt(end)
                .setSampleCount(track.size())
                .setElapsedTimeMillis(last.offsetMillis())
                .setMovingTimeMillis(last.offsetMillis())
                .setDistanceMeters(distance)
                .setElevationGainMeters(gain)
                .setElevationLossMeters(gain)
                .setCaloriesKcal(distance / 1000 * 68)
                .setAvgHeartRateBpm((int) track.stream().mapToInt(Point::heartRate).average().orElse(0))
                .setMaxHeartRateBpm(track.stream().mapToInt(Point::heartRate).max().orElse(0))
                .setAvgSpeedMetersPerSecond(distance / (last.offsetMillis() / 1000.0))
                .setMaxSpeedMetersPerSecond(3.6)
                .setTrack(track.stream().map(p -> TrackPoint.newBuilder()
                        .setOffsetMillis(p.offsetMillis())
                        .setLatitude(p.latitude())
                        .setLongitude(p.longitude())
                        .setAltitudeMeters(p.altitude())
                        .setHeartRateBpm(p.heartRate())
                        .setDistanceMeters(p.distance())
                        .setSpeedMetersPerSecond(p.speed())
                        .setMoving(true)
                        .build()).toList())
                .build();
        return List.of(
                WorkoutStarted.newBuilder().setEventId(UUID.randomUUID()).setTimestamp(start)
                        .setData(WorkoutStartedData.newBuilder().setWorkoutId(workout).setUserId(athlete)
                                .setSportType(sport).setStartTime(start).setSource(WorkoutSource.APP)
                                .setTitle(title).build()).build(),
                WorkoutCompleted.newBuilder().setEventId(UUID.randomUUID()).setTimestamp(end)
                        .setData(WorkoutCompletedData.newBuilder().setWorkoutId(workout).setUserId(athlete)
                                .setEndTime(end).setDurationSeconds((int) (last.offsetMillis() / 1000))
                                .setDistanceMeters(distance).setCaloriesBurned(figures.getCaloriesKcal())
                                .setRouteCoordinates(List.of()).setSportType(sport).setStartTime(start)
                                .setSource(WorkoutSource.APP).setFigures(figures).build()).build(),
                WorkoutTagAdded.newBuilder().setEventId(UUID.randomUUID()).setTimestamp(end.plusSeconds(60))
                        .setData(WorkoutTagAddedData.newBuilder().setWorkoutId(workout).setUserId(athlete)
                                .setTag("park").build()).build());
    }

    /** The events with the track's own distance. */
    static List<SpecificRecord> events(UUID workout, UUID athlete, Instant start, SportType sport, String title,
            List<Point> track) {
        return events(workout, athlete, start, sport, title, track, track.getLast().distance());
    }

    /** Publishes the events sealed with the athlete's telemetry key, as the workouts service does. */
    void publishSealed(UUID workout, UUID athlete, List<SpecificRecord> events) throws Exception {
        Map<String, String> devstack = Devstack.addresses();
        Serializer<SpecificRecord> avro = RegistrySerdes.serializer(devstack.get(Devstack.APICURIO_REGISTRY_URL),
                true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, devstack.get(Devstack.KAFKA_BOOTSTRAP_SERVERS),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (SpecificRecord event : events) {
                Headers headers = new RecordHeaders();
                byte[] plain = avro.serialize(Topics.WORKOUT_EVENTS, headers, event);
                headers.add(SealedSerde.SEALED_FOR_HEADER, athlete.toString().getBytes(StandardCharsets.UTF_8));
                byte[] sealed = SealedSerde.seal(keys.keyOf(athlete.toString()), athlete.toString(), plain);
                producer.send(new ProducerRecord<>(Topics.WORKOUT_EVENTS, null, workout.toString(), sealed, headers))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }
}
