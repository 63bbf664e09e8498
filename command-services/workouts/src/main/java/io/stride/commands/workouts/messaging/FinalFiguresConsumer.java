package io.stride.commands.workouts.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.workouts.application.Actor;
import io.stride.commands.workouts.application.CommandRequest;
import io.stride.commands.workouts.application.CommandResult;
import io.stride.commands.workouts.application.WorkoutService;
import io.stride.commands.workouts.config.WorkoutsConfig;
import io.stride.commands.workouts.domain.RecordFinalFiguresCommand;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;
import io.stride.schemas.workout.UpdateSource;
import io.stride.schemas.workout.WorkoutUpdated;

/**
 * Completes workouts with live-workout's final figures (ADR 0013): of everything on {@link Topics#WORKOUT_EVENTS}
 * (sealed, opened with the athlete's telemetry key; a handful of records per workout, live progress has a topic of its
 * own) only live-workout's final {@code WorkoutUpdated} (source LIVE, {@code finalFigures} set) matters; it becomes a {@code RecordFinalFiguresCommand}, which completes a completing
 * workout with exactly those figures, finishes a quiet one as abandoned, starts and completes one never seen, and
 * changes nothing on a finished one (a replay). A command that loses a race to a client's command is retried.
 * A record of an erased user (its key shredded) is skipped; an unreadable one goes to the dead-letter topic.
 */
@ApplicationScoped
class FinalFiguresConsumer {

    private final WorkoutService workouts;
    private final WorkoutMessages messages;
    private final int retries;
    private final Counter erased;

    FinalFiguresConsumer(WorkoutService workouts, WorkoutMessages messages, WorkoutsConfig config,
            MeterRegistry meters) {
        this.workouts = workouts;
        this.messages = messages;
        this.retries = config.conflictRetries();
        this.erased = Counter.builder("workouts.erased-user-records")
                .description("Records of erased users skipped (their telemetry key is shredded)")
                .tag("topic", Topics.WORKOUT_EVENTS)
                .register(meters);
    }

    @Incoming("workout-events")
    Uni<Void> onEvent(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return OnWorker.call(() -> open(record))
                .chain(value -> value instanceof WorkoutUpdated update && isFinal(update)
                        ? complete(update)
                        : Uni.createFrom().voidItem());
    }

    private SpecificRecord open(ConsumerRecord<String, byte[]> record) {
        try {
            return messages.openSealed(record);
        } catch (UserKeyring.ShreddedKey e) {
            erased.increment();
            Log.debugf("record of an erased user skipped workoutId=%s", record.key());
            return null;
        }
    }

    private static boolean isFinal(WorkoutUpdated update) {
        return update.getData().getFinalFigures() != null && update.getData().getSource() == UpdateSource.LIVE;
    }

    private Uni<Void> complete(WorkoutUpdated update) {
        var data = update.getData();
        CommandRequest request = new CommandRequest(Actor.platform(), data.getWorkoutId(),
                new RecordFinalFiguresCommand(data.getUserId(),
                        WorkoutEventRecords.toDomain(data.getFinalFigures())), null, null);
        return workouts.execute(request)
                .chain(result -> result instanceof CommandResult.VersionConflict
                        ? Uni.createFrom().failure(new LostRace())
                        : Uni.createFrom().item(result))
                .onFailure(LostRace.class).retry().withBackOff(Duration.ofMillis(20), Duration.ofMillis(500))
                .atMost(retries)
                .invoke(result -> {
                    if (!(result instanceof CommandResult.Applied)) {
                        Log.warnf("final figures not applied workoutId=%s result=%s", data.getWorkoutId(), result);
                    }
                })
                .replaceWithVoid();
    }

    /** The command decided on a version another command appended first: decide again on the new state. */
    private static final class LostRace extends RuntimeException {

        LostRace() {
            super("another command appended first", null, false, false);
        }
    }
}
