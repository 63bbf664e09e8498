package io.stride.commands.goals.messaging;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.stride.commands.goals.application.GoalService;
import io.stride.schemas.Topics;

/**
 * Right to erasure: on {@link Topics#USER_ERASURES} (key = user id; the value is not decoded) every goal of the
 * athlete is deleted, with a tombstone for each on {@link Topics#GOALS}. Idempotent, so redelivery is harmless; a key
 * that is not a user id goes to the dead-letter topic, as does an erasure that still fails after a few retries.
 */
@ApplicationScoped
class UserErasureConsumer {

    private final GoalService goals;

    UserErasureConsumer(GoalService goals) {
        this.goals = goals;
    }

    @Incoming("user-erasures")
    Uni<Void> onUserErased(ConsumerRecord<String, byte[]> erasure) {
        if (erasure.value() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID userId = UUID.fromString(erasure.key());
        return goals.erase(userId).replaceWithVoid()
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }
}
