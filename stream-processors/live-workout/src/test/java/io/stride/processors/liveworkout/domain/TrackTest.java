package io.stride.processors.liveworkout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TrackTest {

    private static final double METERS_PER_DEGREE = 6_371_008.8 * Math.PI / 180;
    private static final LiveSettings SETTINGS = LiveSettings.DEFAULTS;

    @Test
    void shouldAddNoDistanceWhenAnAthleteStandsStillWithNoisyFixes() {
        // given: ten minutes of fixes with sigma 3 m around one point
        Track track = new Track();
        Random random = new Random(7);

        // when
        for (int second = 0; second < 600; second++) {
            track.add(new Fix(55.75 + random.nextGaussian() * 3 / METERS_PER_DEGREE,
                    37.6 + random.nextGaussian() * 3 / METERS_PER_DEGREE / Math.cos(Math.toRadians(55.75)),
                    second * 1000L), 5.0, Sport.RUNNING, SETTINGS);
        }

        // then
        assertThat(track.distanceMeters()).isZero();
        assertThat(track.speedMetersPerSecond()).isLessThan(SETTINGS.stoppedSpeedMetersPerSecond());
    }

    @Test
    void shouldRejectAFixWhenItsAccuracyIsWorseThan50Meters() {
        // given
        Track track = new Track();
        track.add(new Fix(55.75, 37.6, 0), 5.0, Sport.RUNNING, SETTINGS);

        // when
        boolean accepted = track.add(new Fix(55.7503, 37.6, 1000), 60.0, Sport.RUNNING, SETTINGS);

        // then
        assertThat(accepted).isFalse();
        assertThat(track.rejectedFixes()).isEqualTo(1);
    }

    @Test
    void shouldRejectAFixWhenReachingItNeedsAnImpossibleSpeed() {
        // given: a runner; 200 m in 1 s is more than 12.5 m/s + 2 x 5 m
        Track track = new Track();
        track.add(new Fix(55.75, 37.6, 0), 5.0, Sport.RUNNING, SETTINGS);

        // when
        boolean accepted = track.add(new Fix(55.75 + 200 / METERS_PER_DEGREE, 37.6, 1000), 5.0, Sport.RUNNING,
                SETTINGS);

        // then
        assertThat(accepted).isFalse();
        assertThat(track.distanceMeters()).isZero();
    }

    @Test
    void shouldMeasureAStraightLineWhenFixesAreExactAndTheTrackIsFinished() {
        // given: 100 fixes 3 m apart due north = 297 m
        Track track = new Track();

        // when
        for (int second = 0; second < 100; second++) {
            track.add(new Fix(55.75 + second * 3 / METERS_PER_DEGREE, 37.6, second * 1000L), 5.0, Sport.RUNNING,
                    SETTINGS);
        }
        track.finish(SETTINGS);

        // then
        assertThat(track.distanceMeters()).isCloseTo(297.0, within(0.01));
        assertThat(track.speedMetersPerSecond()).isCloseTo(3.0, within(0.01));
    }
}
