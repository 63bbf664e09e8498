package io.stride.commands.workouts.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.workouts.application.Actor;
import io.stride.commands.workouts.application.CommandRequest;
import io.stride.commands.workouts.application.CommandResult;
import io.stride.commands.workouts.application.WorkoutService;
import io.stride.commands.workouts.domain.Source;
import io.stride.commands.workouts.domain.Sport;
import io.stride.commands.workouts.domain.StartWorkoutCommand;
import io.stride.schemas.Topics;
import io.stride.schemas.workout.WorkoutOwner;

/**
 * A device that only streams samples starts its workout (ADR 0013): live-workout's claim on
 * {@link Topics#WORKOUT_OWNERS} of a workout this service does not know starts the aggregate for the claim's athlete,
 * at the claim's time, {@code source = SAMPLES}, sport unknown ({@code OTHER}). A claim of a known workout (started
 * by the app, a device, an import, or a replayed claim) changes nothing; a release (tombstone) neither.
 */
@ApplicationScoped
class WorkoutOwnerConsumer {

    private final WorkoutService workouts;
    private final WorkoutMessages messages;

    WorkoutOwnerConsumer(WorkoutService workouts, WorkoutMessages messages) {
        this.workouts = workouts;
        this.messages = messages;
    }

    @Incoming("workout-owners")
    Uni<Void> onClaim(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return OnWorker.call(() -> (WorkoutOwner) messages.read(record))
                .chain(claim -> workouts.execute(new CommandRequest(Actor.platform(), claim.getWorkoutId(),
                        new StartWorkoutCommand(claim.getUserId(), Sport.OTHER, claim.getClaimedAt(), null, null,
                                null, Source.SAMPLES), null, null))
                        .invoke(result -> logUnusual(claim.getWorkoutId(), result)))
                .replaceWithVoid();
    }

    private static void logUnusual(UUID workoutId, CommandResult result) {
        if (result instanceof CommandResult.Applied || result instanceof CommandResult.Refused
                || result instanceof CommandResult.VersionConflict) {
            // started now, or started already (by the app, a device, an import, a replayed claim, a racing claim)
            return;
        }
        Log.warnf("workout claim not applied workoutId=%s result=%s", workoutId, result);
    }
}
