package io.stride.queries.livetracking.push;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.reactive.messaging.kafka.Record;
import io.stride.schemas.live.LiveWorkoutState;

/**
 * Fans every live-state change out to the screens connected to this instance. Each instance consumes the whole
 * {@code workouts.live-state} topic for this (its own consumer group), so a screen may connect to any instance.
 * A slow screen gets the latest state, never a growing backlog.
 */
@ApplicationScoped
public class LiveUpdates {

    private final BroadcastProcessor<LiveWorkoutState> changes = BroadcastProcessor.create();

    /**
     * A change of one workout. A tombstone (the workout's user was erased) has no state to push: screens stop
     * receiving changes of that workout, and the view store forgets it.
     */
    @Incoming("live-state-updates")
    void onChange(Record<String, LiveWorkoutState> change) {
        if (change.value() == null) {
            Log.debugf("live state removed workoutId=%s", change.key());
            return;
        }
        Log.debugf("live state changed workoutId=%s", change.key());
        changes.onNext(change.value());
    }

    /** Changes of every workout from now on. */
    public Multi<LiveWorkoutState> all() {
        return changes
                .onOverflow().dropPreviousItems();
    }

    /** Changes of one workout from now on. */
    public Multi<LiveWorkoutState> of(UUID workoutId) {
        return changes
                .filter(state -> workoutId.equals(state.getWorkoutId()))
                .onOverflow().dropPreviousItems();
    }
}
