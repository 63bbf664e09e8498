package io.stride.queries.livetracking.push;

import static io.stride.schemas.testkit.EventBuilders.aLiveWorkoutState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.reactive.messaging.kafka.Record;
import io.stride.schemas.live.LiveWorkoutState;

class LiveUpdatesTest {

    @Test
    void shouldPushOnlyStatesWhenATombstoneArrivesBetweenThem() {
        // given
        LiveUpdates updates = new LiveUpdates();
        AssertSubscriber<LiveWorkoutState> screen = updates.all().subscribe().withSubscriber(AssertSubscriber.create(10));
        LiveWorkoutState state = aLiveWorkoutState().build();

        // when: a tombstone (an erased user's workout), then a change of another workout
        updates.onChange(Record.of(UUID.randomUUID().toString(), null));
        updates.onChange(Record.of(state.getWorkoutId().toString(), state));

        // then
        assertThat(screen.getItems()).containsExactly(state);
        screen.assertNotTerminated();
    }
}
