package io.stride.processors.liveworkout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LiveStateTest {

    private static final UUID WORKOUT = UUID.fromString("6f1c2b0e-4a7d-4f43-9b1e-2d5f0c9a1e01");
    private static final UUID USER = UUID.fromString("0b9e7c3a-1d2f-4e5a-8b6c-7d8e9f0a1b2c");
    private static final Instant T0 = Instant.parse("2025-04-05T15:00:00Z");
    private static final Instant NOW = Instant.parse("2025-04-05T15:00:30Z");

    private static Sample sample(long sequence, double lat, double lon) {
        return new Sample(WORKOUT, USER, sequence, T0.plusSeconds(sequence), new Position(lat, lon), 140, 3.0);
    }

    @Test
    void shouldMeasureOneDegreeOfLatitudeWhenMovingAlongAMeridian() {
        // given: on a sphere of mean radius one degree of arc is R * pi / 180
        double expected = GeoMath.EARTH_MEAN_RADIUS_METERS * Math.PI / 180;

        // when
        double measured = new Position(55.0, 37.0).distanceTo(new Position(56.0, 37.0));

        // then
        assertThat(measured).isCloseTo(expected, within(1e-6));
        assertThat(measured).isCloseTo(111_195.08, within(0.01));
    }

    @Test
    void shouldAccumulateDistanceWhenSamplesArriveInOrder() {
        // given
        LiveState state = LiveState.start(sample(1, 55.7558, 37.6173), NOW);

        // when
        state = state.apply(sample(2, 55.7567, 37.6173), NOW).apply(sample(3, 55.7576, 37.6173), NOW);

        // then: two steps of 0.0009 degrees of latitude, ~100.08 m each
        assertThat(state.sampleCount()).isEqualTo(3);
        assertThat(state.lastSequenceNumber()).isEqualTo(3);
        assertThat(state.distanceMeters()).isCloseTo(2 * 0.0009 * 111_195.08, within(0.01));
        assertThat(state.lastPosition()).isEqualTo(new Position(55.7576, 37.6173));
        assertThat(state.lastRecordedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void shouldIgnoreSampleWhenItsSequenceNumberWasAlreadyApplied() {
        // given
        LiveState state = LiveState.start(sample(1, 55.7558, 37.6173), NOW).apply(sample(2, 55.7567, 37.6173), NOW);

        // when: the device resends sample 2, and an older sample 1 arrives again
        LiveState after = state.apply(sample(2, 55.7567, 37.6173), NOW).apply(sample(1, 55.7558, 37.6173), NOW);

        // then
        assertThat(after).isEqualTo(state);
    }

    @Test
    void shouldKeepLastPositionWhenSampleHasNoFix() {
        // given
        LiveState state = LiveState.start(sample(1, 55.7558, 37.6173), NOW);
        Sample heartRateOnly = new Sample(WORKOUT, USER, 2, T0.plusSeconds(2), null, 150, null);

        // when
        LiveState after = state.apply(heartRateOnly, NOW);

        // then
        assertThat(after.lastPosition()).isEqualTo(new Position(55.7558, 37.6173));
        assertThat(after.distanceMeters()).isZero();
        assertThat(after.lastHeartRateBpm()).isEqualTo(150);
        assertThat(after.lastSpeedMetersPerSecond()).isEqualTo(3.0);
        assertThat(after.sampleCount()).isEqualTo(2);
    }
}
