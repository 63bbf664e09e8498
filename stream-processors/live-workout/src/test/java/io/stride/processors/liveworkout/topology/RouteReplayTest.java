package io.stride.processors.liveworkout.topology;

import static io.stride.schemas.testkit.EventBuilders.aTelemetrySample;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutCompleted;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutStarted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stride.processors.liveworkout.domain.LiveSettings;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.schemas.testkit.TestSerdes;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserMetricsUpdated;

/**
 * Correctness of the live figures on a known route: a regular octagon on the sphere whose length is computed here
 * independently (3-D unit vectors, great-circle angle by atan2 of cross and dot products, no haversine), run at a
 * constant speed with standing-still parts, GPS noise of sigma 3 m, arrival shuffled within 20 s and some resends.
 */
class RouteReplayTest {

    private static final double R = 6_371_008.8;
    private static final Instant T0 = Instant.parse("2025-06-01T06:00:00Z");
    private static final double CENTER_LAT = 55.75;
    private static final double CENTER_LON = 37.6;
    private static final double CIRCUMRADIUS_METERS = 500;
    private static final double SPEED = 3.0;
    private static final int STAND_START = 60;
    private static final int STAND_MIDDLE = 40;
    private static final int STAND_END = 45;

    private final LiveWorkoutSerdes serdes = TestLiveWorkoutSerdes.plain();
    private TopologyTestDriver driver;

    @BeforeEach
    void startDriver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-workout-route-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(LiveWorkoutTopology.build(serdes, Clock.fixed(T0, ZoneOffset.UTC),
                LiveSettings.DEFAULTS), config);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static double[] unit(double latDeg, double lonDeg) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    private static double angle(double[] a, double[] b) {
        double cx = a[1] * b[2] - a[2] * b[1];
        double cy = a[2] * b[0] - a[0] * b[2];
        double cz = a[0] * b[1] - a[1] * b[0];
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
    }

    /** Point on the great circle from a to b at fraction f (spherical linear interpolation). */
    private static double[] slerp(double[] a, double[] b, double f) {
        double omega = angle(a, b);
        double wa = Math.sin((1 - f) * omega) / Math.sin(omega);
        double wb = Math.sin(f * omega) / Math.sin(omega);
        return new double[] {wa * a[0] + wb * b[0], wa * a[1] + wb * b[1], wa * a[2] + wb * b[2]};
    }

    private static double[] toLatLon(double[] v) {
        return new double[] {Math.toDegrees(Math.asin(v[2])), Math.toDegrees(Math.atan2(v[1], v[0]))};
    }

    /** Octagon vertices: destination points at the circumradius from the centre, bearings 0, 45, ... 315 degrees. */
    private static List<double[]> octagon() {
        List<double[]> vertices = new ArrayList<>();
        double phi = Math.toRadians(CENTER_LAT);
        double delta = CIRCUMRADIUS_METERS / R;
        for (int k = 0; k < 8; k++) {
            double theta = Math.toRadians(45.0 * k);
            double lat = Math.asin(Math.sin(phi) * Math.cos(delta) + Math.cos(phi) * Math.sin(delta) * Math.cos(theta));
            double lon = Math.toRadians(CENTER_LON) + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi),
                    Math.cos(delta) - Math.sin(phi) * Math.sin(lat));
            vertices.add(unit(Math.toDegrees(lat), Math.toDegrees(lon)));
        }
        return vertices;
    }

    /** Distance error (fraction) and moving-time error (s) of one replay. */
    private record Errors(double distance, double movingSeconds) {
    }

    @Test
    void shouldMeasureAKnownRouteWithinOnePercentAndTwoSecondsWhenTheWatchReportsItsSpeed() {
        // given / when: the watch reports its (Doppler) speed with noise sigma 0.2 m/s besides the noisy fixes
        Errors errors = replay(true);

        // then
        assertThat(Math.abs(errors.distance())).isLessThan(0.01);
        assertThat(Math.abs(errors.movingSeconds())).isLessThanOrEqualTo(2.0);
    }

    @Test
    void shouldMeasureAKnownRouteWithinOnePercentAndTwoSecondsWhenOnlyNoisyFixesAreSent() {
        // given / when: fixes only; moving time then comes from the GPS stop detector (net displacement, changes
        // back-dated by a hinge fit on the raw fixes)
        Errors errors = replay(false);

        // then
        assertThat(Math.abs(errors.distance())).isLessThan(0.01);
        assertThat(Math.abs(errors.movingSeconds())).isLessThanOrEqualTo(2.0);
    }

    private Errors replay(boolean deviceSpeed) {
        // given: the route, its true length, and the athlete's true position at every second
        List<double[]> vertices = octagon();
        double[] sides = new double[8];
        double trueLength = 0;
        for (int k = 0; k < 8; k++) {
            sides[k] = R * angle(vertices.get(k), vertices.get((k + 1) % 8));
            trueLength += sides[k];
        }
        double halfway = sides[0] + sides[1] + sides[2] + sides[3];
        double trueMovingSeconds = trueLength / SPEED;
        List<double[]> truth = new ArrayList<>();
        int second = 0;
        double travelled = 0;
        int stoppedSince = -1;
        boolean middleStopDone = false;
        while (true) {
            truth.add(positionAt(vertices, sides, Math.min(travelled, trueLength)));
            second++;
            if (second <= STAND_START) {
                continue;
            }
            if (!middleStopDone && travelled >= halfway) {
                if (stoppedSince < 0) {
                    stoppedSince = second;
                }
                if (second - stoppedSince < STAND_MIDDLE) {
                    continue;
                }
                middleStopDone = true;
                // the athlete stopped exactly at the vertex: the overshoot of the last second is given back
            }
            if (travelled >= trueLength) {
                if (truth.size() > STAND_START + trueMovingSeconds + STAND_MIDDLE + STAND_END) {
                    break;
                }
                continue;
            }
            travelled = Math.min(trueLength, travelled + SPEED);
            if (!middleStopDone && travelled > halfway) {
                travelled = halfway;
            }
        }

        // and: noisy fixes (sigma 3 m north and east), arrival shuffled by up to 20 s, 3% resent
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        Random random = new Random(20250601);
        List<TelemetrySample> sent = new ArrayList<>();
        List<double[]> arrival = new ArrayList<>();
        for (int t = 0; t < truth.size(); t++) {
            double[] latLon = toLatLon(truth.get(t));
            double north = random.nextGaussian() * 3;
            double east = random.nextGaussian() * 3;
            double lat = latLon[0] + Math.toDegrees(north / R);
            double lon = latLon[1] + Math.toDegrees(east / (R * Math.cos(Math.toRadians(latLon[0]))));
            double trueSpeed = t == 0 ? 0 : R * angle(truth.get(t - 1), truth.get(t));
            Double reportedSpeed = deviceSpeed ? Math.max(0, trueSpeed + random.nextGaussian() * 0.2) : null;
            TelemetrySample sample = aTelemetrySample().forWorkout(workout, user).deviceId("route-watch")
                    .sequenceNumber(t + 1).at(T0.plusSeconds(t)).position(lat, lon).accuracyMeters(4.0)
                    .heartRateBpm(150).speedMetersPerSecond(reportedSpeed).cadenceRpm(null).altitudeMeters(null).build();
            sent.add(sample);
            arrival.add(new double[] {t + random.nextDouble() * 20, sent.size() - 1});
            if (random.nextDouble() < 0.03) {
                arrival.add(new double[] {t + random.nextDouble() * 20, sent.size() - 1});
            }
        }
        arrival.sort(Comparator.comparingDouble(entry -> entry[0]));
        TestInputTopic<String, TelemetrySampleBatch> batches = driver.createInputTopic(Topics.TELEMETRY_SAMPLE_BATCHES,
                Serdes.String().serializer(), serdes.samples().serializer());
        TestInputTopic<String, SpecificRecord> events = driver.createInputTopic(Topics.WORKOUT_EVENTS,
                Serdes.String().serializer(), serdes.workoutEvents().serializer());
        TestOutputTopic<String, LiveWorkoutState> states = driver.createOutputTopic(Topics.LIVE_WORKOUT_STATE,
                Serdes.String().deserializer(), serdes.states().deserializer());
        TestOutputTopic<String, TelemetrySampleBatch> deadLetters = driver.createOutputTopic(
                Topics.TELEMETRY_SAMPLE_BATCHES_DLQ,
                Serdes.String().deserializer(), serdes.samples().deserializer());

        // when
        events.pipeInput(workout.toString(), aWorkoutStarted().forWorkout(workout, user).sportType(SportType.RUNNING)
                .at(T0).build(), T0);
        // the device uploads what has arrived every 5 s: batches in arrival order, out of order within them
        List<TelemetrySample> batch = new ArrayList<>();
        for (int i = 0; i < arrival.size(); i++) {
            batch.add(sent.get((int) arrival.get(i)[1]));
            if (i == arrival.size() - 1 || (int) (arrival.get(i + 1)[0] / 5) != (int) (arrival.get(i)[0] / 5)) {
                batches.pipeInput(workout.toString(), new TelemetrySampleBatch(batch), batch.getLast().getRecordedAt());
                batch = new ArrayList<>();
            }
        }
        Instant end = T0.plusSeconds(truth.size());
        events.pipeInput(workout.toString(), aWorkoutCompleted().forWorkout(workout, user).at(end).build(), end);

        // then
        List<LiveWorkoutState> published = states.readValuesToList();
        LiveWorkoutState last = published.getLast();
        double distanceError = (last.getDistanceMeters() - trueLength) / trueLength;
        double movingError = last.getMovingTimeMillis() / 1000.0 - trueMovingSeconds;
        System.out.printf("route replay (device speed " + deviceSpeed + "): true %.2f m, measured %.2f m (%+.3f%%); true moving %.1f s, measured %.1f s"
                        + " (%+.1f s); elapsed %d s; %d samples%n", trueLength, last.getDistanceMeters(),
                distanceError * 100, trueMovingSeconds, last.getMovingTimeMillis() / 1000.0, movingError,
                last.getElapsedTimeMillis() / 1000, last.getSampleCount());
        assertThat(last.getStatus()).isEqualTo("COMPLETED");
        assertThat(last.getSampleCount()).isEqualTo(truth.size());
        assertThat(last.getElapsedTimeMillis()).isEqualTo((truth.size() - 1) * 1000L);
        assertThat(states.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        return new Errors(distanceError, movingError);
    }

    private static double[] positionAt(List<double[]> vertices, double[] sides, double along) {
        double remaining = along;
        for (int k = 0; k < 8; k++) {
            if (remaining <= sides[k] || k == 7) {
                return slerp(vertices.get(k), vertices.get((k + 1) % 8), Math.min(1.0, remaining / sides[k]));
            }
            remaining -= sides[k];
        }
        throw new IllegalStateException();
    }
}
