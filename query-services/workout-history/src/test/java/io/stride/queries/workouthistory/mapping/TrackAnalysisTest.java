package io.stride.queries.workouthistory.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Splits, pace and best efforts of runs whose figures are known by construction (not by the code's own output). */
class TrackAnalysisTest {

    @Test
    void shouldSplitEveryKilometreWithItsPaceWhenTheRunIsSteady() {
        // given: 2.5 km at 4 m/s (250 s/km), a point every 5 s
        List<TrackSample> track = Tracks.north(55.75, 37.61, 5, List.of(new Tracks.Leg(625, 4.0, true)));

        // when
        List<Split> splits = TrackAnalysis.splits(track, 1_000);

        // then: two full kilometres and a 500 m remainder, each at 250 s/km, 10 m up per km, 150 bpm
        assertThat(splits).hasSize(3);
        assertThat(splits.get(0).distanceMeters()).isCloseTo(1_000, within(1e-9));
        assertThat(splits.get(0).elapsedSeconds()).isCloseTo(250, within(1e-9));
        assertThat(splits.get(0).paceSecondsPerKm()).isCloseTo(250, within(1e-9));
        assertThat(splits.get(0).elevationChangeMeters()).isCloseTo(10, within(1e-9));
        assertThat(splits.get(0).avgHeartRateBpm()).isEqualTo(150);
        assertThat(splits.get(1).movingSeconds()).isCloseTo(250, within(1e-9));
        assertThat(splits.get(2).number()).isEqualTo(3);
        assertThat(splits.get(2).distanceMeters()).isCloseTo(500, within(1e-9));
        assertThat(splits.get(2).elapsedSeconds()).isCloseTo(125, within(1e-9));
        assertThat(splits.get(2).paceSecondsPerKm()).isCloseTo(250, within(1e-9));
    }

    @Test
    void shouldCountAStopInElapsedButNotInMovingTimeWhenTheAthletePausesMidSplit() {
        // given: 600 m at 4 m/s, a 60 s stop, then 400 m at 4 m/s: 1 km in 310 s, 250 s of it moving
        List<TrackSample> track = Tracks.north(55.75, 37.61, 5, List.of(new Tracks.Leg(150, 4.0, true),
                new Tracks.Leg(60, 0.0, false), new Tracks.Leg(100, 4.0, true)));

        // when
        List<Split> splits = TrackAnalysis.splits(track, 1_000);

        // then
        assertThat(splits).hasSize(1);
        assertThat(splits.getFirst().elapsedSeconds()).isCloseTo(310, within(1e-9));
        assertThat(splits.getFirst().movingSeconds()).isCloseTo(250, within(1e-9));
        assertThat(splits.getFirst().paceSecondsPerKm()).isCloseTo(250, within(1e-9));
        // time-weighted: 250 s at 150 bpm, 60 s at 100 bpm
        assertThat(splits.getFirst().avgHeartRateBpm()).isEqualTo((int) Math.round((250 * 150 + 60 * 100) / 310.0));
    }

    @Test
    void shouldFindTheFastestStretchWhenTheRunSpeedsUp() {
        // given: 3 km at 3 m/s, then 2 km at 5 m/s
        List<TrackSample> track = Tracks.north(55.75, 37.61, 5, List.of(new Tracks.Leg(1_000, 3.0, true),
                new Tracks.Leg(400, 5.0, true)));

        // when
        Map<String, Long> efforts = TrackAnalysis.bestEfforts(track);

        // then: the fastest kilometre is one at 5 m/s (200 s); 5 km took the whole run (1,400 s); no 10 km
        assertThat(efforts.get("1k")).isEqualTo(200_000L);
        assertThat(efforts.get("400m")).isEqualTo(80_000L);
        assertThat(efforts.get("1mi")).isEqualTo(Math.round(1_609.344 / 5 * 1000));
        assertThat(efforts.get("5k")).isEqualTo(1_400_000L);
        assertThat(efforts).doesNotContainKey("10k");
    }

    @Test
    void shouldGivePaceOverTheTrailingWindowAndNoneWhileStopped() {
        // given: 4 m/s, a 60 s stop, 4 m/s
        List<TrackSample> track = Tracks.north(55.75, 37.61, 5, List.of(new Tracks.Leg(120, 4.0, true),
                new Tracks.Leg(60, 0.0, false), new Tracks.Leg(120, 4.0, true)));

        // when
        List<Double> paces = TrackAnalysis.paceSecondsPerKm(track, 30_000);

        // then
        assertThat(paces).hasSameSizeAs(track);
        assertThat(paces.getFirst()).isNull();
        assertThat(paces.get(10)).isCloseTo(250, within(1e-9));
        assertThat(paces.get(30)).isNull();
        assertThat(paces.getLast()).isCloseTo(250, within(1e-9));
    }
}
