package io.stride.commands.workouts.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.workouts.application.WorkoutService;
import io.stride.commands.workouts.application.WorkoutService.Claim;
import io.stride.platform.kafka.DeadLetterSender;
import io.stride.schemas.Topics;
import io.stride.schemas.workout.WorkoutOwner;

/**
 * A device that only streams samples starts its workout (ADR 0013): live-workout's claims on
 * {@link Topics#WORKOUT_OWNERS}, a batch of records at a time, start the workouts this service does not know
 * ({@link WorkoutService#startClaimed}); a release (tombstone) changes nothing. An unreadable claim goes to
 * {@code workouts.workout-owners.dlq} with its reason once the batch's claims are applied; a failing database stops
 * the consumer, which retries the batch with back-off: a claim is never skipped.
 */
@ApplicationScoped
class WorkoutOwnerConsumer {

    private final WorkoutService workouts;
    private final WorkoutMessages messages;
    private final DeadLetterSender deadLetters;

    WorkoutOwnerConsumer(WorkoutService workouts, WorkoutMessages messages, DeadLetterSender deadLetters) {
        this.workouts = workouts;
        this.messages = messages;
        this.deadLetters = deadLetters;
    }

    /** A record read: a claim, or why it cannot be one. */
    private record Read(ConsumerRecord<String, byte[]> record, Claim claim, String unreadable) {
    }

    @Incoming("workout-owners")
    Uni<Void> onClaims(ConsumerRecords<String, byte[]> batch) {
        List<ConsumerRecord<String, byte[]>> claims = new ArrayList<>(batch.count());
        batch.forEach(record -> {
            if (record.value() != null) {
                claims.add(record);
            }
        });
        if (claims.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return OnWorker.call(() -> claims.stream().map(this::read).toList())
                .chain(this::apply)
                .onFailure().invoke(failure -> Log.warnf(failure, "starting claimed workouts failed, retrying claims=%d",
                        claims.size()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    private Read read(ConsumerRecord<String, byte[]> record) {
        try {
            WorkoutOwner owner = (WorkoutOwner) messages.read(record);
            return new Read(record, new Claim(owner.getWorkoutId(), owner.getUserId(), owner.getClaimedAt()), null);
        } catch (RuntimeException e) {
            return new Read(record, null, "unreadable claim: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Uni<Void> apply(List<Read> read) {
        List<Claim> claims = read.stream().filter(item -> item.claim() != null).map(Read::claim).toList();
        // dead letters once the batch's claims are applied: a retried batch does not send them twice
        return workouts.startClaimed(claims)
                .chain(() -> {
                    List<Uni<Void>> sent = read.stream()
                            .filter(item -> item.claim() == null)
                            .map(item -> Uni.createFrom().completionStage(
                                    () -> deadLetters.send(item.record(), "deserialization", item.unreadable())))
                            .toList();
                    return sent.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : Uni.join().all(sent).andFailFast().replaceWithVoid();
                });
    }
}
