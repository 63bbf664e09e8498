package io.stride.benchmarks.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AthleteTest {

    @Test
    void shouldStayNearItsRouteWhenRunningLaps() {
        // given
        Route route = Route.loop(55.75, 37.61, 400, 24, new Random(1));
        Athlete athlete = new Athlete("w", UUID.randomUUID(), UUID.randomUUID(), route, 3.0, new Random(2));

        // when: 20 minutes at one sample per second
        Sample last = null;
        double maxOffRoute = 0;
        for (int i = 0; i < 1200; i++) {
            last = athlete.step(1.0, Instant.EPOCH.plusSeconds(i));
            double[] truth = route.pointAt(athlete.distanceMeters());
            maxOffRoute = Math.max(maxOffRoute,
                    Route.flatDistance(truth[0], truth[1], last.latitude(), last.longitude()));
        }

        // then: ~3 m/s pace, noise of a few metres (6 sigma of 3 m per axis bounds it), sequence counts samples
        assertThat(athlete.distanceMeters() / 1200).isCloseTo(3.0, within(0.3));
        assertThat(maxOffRoute).isLessThan(25);
        assertThat(last.sequenceNumber()).isEqualTo(1200);
        assertThat(last.heartRateBpm()).isBetween(140, 175);
    }

    @Test
    void shouldCloseTheLoopWhenALapIsCompleted() {
        // given
        Route route = Route.loop(55.75, 37.61, 300, 12, new Random(3));

        // when
        double[] start = route.pointAt(0);
        double[] afterOneLap = route.pointAt(route.lapMeters());

        // then
        assertThat(afterOneLap[0]).isCloseTo(start[0], within(1e-9));
        assertThat(afterOneLap[1]).isCloseTo(start[1], within(1e-9));
        assertThat(route.lapMeters()).isBetween(1000.0, 4000.0);
    }

    @Test
    void shouldWriteTheGatewaysSnakeCaseFieldsWhenSerialized() {
        // given
        Sample sample = new Sample("w-1", new UUID(0, 1), new UUID(0, 2), 5, Instant.parse("2025-04-05T15:00:00Z"),
                55.1, 37.2, 150.0, 4.0, 142, 3.25, 170);

        // when
        String json = sample.toJson();

        // then
        assertThat(json).isEqualTo("{\"device_id\":\"w-1\",\"workout_id\":\"00000000-0000-0000-0000-000000000001\","
                + "\"user_id\":\"00000000-0000-0000-0000-000000000002\",\"sequence_number\":5,"
                + "\"recorded_at\":\"2025-04-05T15:00:00Z\",\"latitude\":55.1000000,\"longitude\":37.2000000,"
                + "\"altitude_meters\":150.0,\"accuracy_meters\":4.0,\"heart_rate_bpm\":142,"
                + "\"speed_meters_per_second\":3.25,\"cadence_rpm\":170}");
    }
}
