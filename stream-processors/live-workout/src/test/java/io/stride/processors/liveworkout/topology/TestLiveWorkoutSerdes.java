package io.stride.processors.liveworkout.topology;

import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.schemas.testkit.TestSerdes;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.workout.WorkoutOwner;

/** The topology's serdes without a registry, for topology tests. */
final class TestLiveWorkoutSerdes {

    private TestLiveWorkoutSerdes() {
    }

    static LiveWorkoutSerdes plain() {
        return new LiveWorkoutSerdes(TestSerdes.specific(TelemetrySampleBatch.class),
                TestSerdes.specific(LiveWorkoutState.class), TestSerdes.workoutEvents(),
                TestSerdes.specific(UserMetricsUpdated.class), TestSerdes.specific(UserErased.class),
                TestSerdes.specific(WorkoutOwner.class));
    }
}
