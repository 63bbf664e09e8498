package io.stride.processors.liveworkout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FormulasTest {

    @Test
    void shouldMeasureOneDegreeOfLatitudeWhenMovingAlongAMeridian() {
        // given: on a sphere of mean radius 6,371,008.8 m one degree of arc is R * pi / 180 = 111,195.08 m
        double expected = 111_195.08;

        // when
        double measured = new Position(55.0, 37.0).distanceTo(new Position(56.0, 37.0));

        // then
        assertThat(measured).isCloseTo(expected, within(0.01));
    }

    @Test
    void shouldPreferTheMeasuredMaximumWhenChoosingTheZoneMaximum() {
        // given / when / then: measured, else 220 - age (2025 - 1985 = 40 -> 180), else 190
        assertThat(HeartRateZones.maxHeartRate(201, 1985, 2025)).isEqualTo(201);
        assertThat(HeartRateZones.maxHeartRate(null, 1985, 2025)).isEqualTo(180);
        assertThat(HeartRateZones.maxHeartRate(null, null, 2025)).isEqualTo(190);
    }

    @Test
    void shouldPlaceHeartRatesInZonesWhenTheMaximumIs200() {
        // given: zone bounds 120 (60%), 140, 160, 180 bpm
        int max = 200;

        // when / then
        assertThat(HeartRateZones.zoneOf(80, max)).isEqualTo(1);
        assertThat(HeartRateZones.zoneOf(119, max)).isEqualTo(1);
        assertThat(HeartRateZones.zoneOf(120, max)).isEqualTo(2);
        assertThat(HeartRateZones.zoneOf(150, max)).isEqualTo(3);
        assertThat(HeartRateZones.zoneOf(179, max)).isEqualTo(4);
        assertThat(HeartRateZones.zoneOf(180, max)).isEqualTo(5);
        assertThat(HeartRateZones.zoneOf(230, max)).isEqualTo(5);
    }

    @Test
    void shouldBurnMetTimesWeightTimesHoursWhenComputingCalories() {
        // given: 9 MET, 70 kg, 30 min -> 9 * 70 * 0.5 = 315 kcal
        // when
        double kcal = Calories.kcal(9.0, 70.0, 30 * 60_000L);

        // then
        assertThat(kcal).isCloseTo(315.0, within(1e-9));
    }

    @Test
    void shouldCountOnlyClimbsAndDescentsBeyondTheThresholdWhenAltitudeIsNoisy() {
        // given: threshold 3 m; by hand: +4 (100->104), -5 (104->99), +4 (99->103), +7 (103->110)
        ElevationHysteresis elevation = new ElevationHysteresis();

        // when
        for (double altitude : new double[] {100, 102, 104, 101, 99, 97, 103, 110}) {
            elevation.add(altitude, 3.0);
        }

        // then
        assertThat(elevation.gainMeters()).isCloseTo(15.0, within(1e-9));
        assertThat(elevation.lossMeters()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void shouldAverageAndTrackTheMaximumWhenSensorReadingsArrive() {
        // given
        SensorStats power = new SensorStats();

        // when: 200, 250, none, 301 -> mean 751 / 3 = 250.33
        power.add(200);
        power.add(250);
        power.add(null);
        power.add(301);

        // then
        assertThat(power.average()).isEqualTo(250);
        assertThat(power.max()).isEqualTo(301);
        assertThat(power.current()).isEqualTo(301);
    }

    @Test
    void shouldRememberAppliedSequenceNumbersWhenTheyArriveWithGaps() {
        // given
        SequenceRanges ranges = new SequenceRanges();

        // when
        for (long sequence : new long[] {1, 2, 3, 7, 5, 6}) {
            ranges.add(sequence);
        }

        // then
        assertThat(ranges.contains(2)).isTrue();
        assertThat(ranges.contains(4)).isFalse();
        assertThat(ranges.contains(6)).isTrue();
        assertThat(ranges.ranges).hasSize(2);
    }
}
