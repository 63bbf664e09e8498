package io.stride.commands.workouts.messaging;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.stride.commands.workouts.application.ErasureService;
import io.stride.schemas.Topics;

/**
 * Right to erasure: on {@link Topics#USER_ERASURES} (key = user id; the value is not needed, so not decoded) the
 * athlete's events, idempotency keys and outbox rows are deleted. Idempotent, so redelivery is harmless; a key that
 * is not a user id goes to the dead-letter topic, as does an erasure whose deletion still fails after a few retries.
 */
@ApplicationScoped
class UserErasureConsumer {

    private final ErasureService erasures;

    UserErasureConsumer(ErasureService erasures) {
        this.erasures = erasures;
    }

    @Incoming("user-erasures")
    Uni<Void> onUserErased(ConsumerRecord<String, byte[]> erasure) {
        if (erasure.value() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID userId = UUID.fromString(erasure.key());
        return erasures.erase(userId)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }
}
