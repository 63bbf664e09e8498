package io.stride.queries.livetracking.mapping;

import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.stride.queries.livetracking.api.SharedWorkoutView;
import io.stride.schemas.common.SportType;
import io.stride.schemas.live.LiveWorkoutState;

class LiveWorkoutViewMapperTest {

    /** A live state with every optional figure set, so that a figure the shared view lost would show. */
    private static LiveWorkoutState everyFigure(UUID workout, UUID user) {
        return LiveWorkoutState.newBuilder(aLiveWorkoutState().forWorkout(workout, user).sampleCount(321)
                        .distanceMeters(4321.5).lastHeartRateBpm(151).updatedAt(Instant.parse("2026-11-30T10:00:00Z"))
                        .build())
                .setStatus("ACTIVE").setSportType(SportType.RUNNING).setElapsedTimeMillis(1_800_000L)
                .setMovingTimeMillis(1_700_000L)
                .setCurrentSpeedMetersPerSecond(3.1).setAvgSpeedMetersPerSecond(2.9)
                .setCurrentPaceSecondsPerKm(322.6).setAvgPaceSecondsPerKm(344.8)
                .setAvgHeartRateBpm(144).setMaxHeartRateBpm(171)
                .setHeartRateZoneMillis(List.of(1L, 2L, 3L, 4L, 5L))
                .setElevationGainMeters(42.0).setElevationLossMeters(40.0).setCaloriesKcal(380.0)
                .setAvgCadenceRpm(172).setMaxCadenceRpm(180).setAvgPowerWatts(250).setMaxPowerWatts(410)
                .build();
    }

    private static Map<String, String> components(Record view) {
        return Arrays.stream(view.getClass().getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, component -> {
                    try {
                        return String.valueOf(component.getAccessor().invoke(view));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    @Test
    void shouldShowEveryFigureOfTheOwnersViewWhenTheWorkoutIsShared() {
        // given
        LiveWorkoutState state = everyFigure(UUID.randomUUID(), UUID.randomUUID());
        UUID link = UUID.randomUUID();

        // when
        Map<String, String> owners = components(LiveWorkoutViewMapper.toView(state));
        Map<String, String> shared = components(LiveWorkoutViewMapper.toSharedView(link, state));

        // then: the same figures, with the link's id in place of the workout's
        owners.remove("workoutId");
        assertThat(shared.remove("shareLinkId")).isEqualTo(link.toString());
        assertThat(shared).containsExactlyInAnyOrderEntriesOf(owners);
        assertThat(owners.values()).doesNotContain("null");
    }

    @Test
    void shouldCarryNoIdButTheLinksWhenTheWorkoutIsShared() {
        // given
        UUID workout = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID link = UUID.randomUUID();

        // when
        SharedWorkoutView view = LiveWorkoutViewMapper.toSharedView(link, everyFigure(workout, user));

        // then: no component names an id but the link's, and no value holds the workout's or the user's
        assertThat(Arrays.stream(SharedWorkoutView.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> name.endsWith("Id") || name.endsWith("Ids")))
                .containsExactly("shareLinkId");
        assertThat(view.toString()).contains(link.toString())
                .doesNotContain(workout.toString()).doesNotContain(user.toString());
    }
}
