package io.stride.queries.workouthistory.projection;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.queries.workouthistory.store.ReadModels;

/**
 * Right to erasure: on {@code users.user-erasures} ({@code UserErased}, key = user id) every read model of the
 * athlete is deleted ({@link Erasure}). The key is all this needs, so the value is not decoded; a record whose key is
 * not a user id goes to the dead-letter topic, as does one whose erasure still fails after retries. Idempotent.
 */
@ApplicationScoped
class UserErasureProjection {

    private final Erasure erasure;
    private final ReadModels models;
    private final SchemaReady schema;

    UserErasureProjection(Erasure erasure, ReadModels models, SchemaReady schema) {
        this.erasure = erasure;
        this.models = models;
        this.schema = schema;
    }

    @Incoming("user-erasures")
    Uni<Void> onUserErased(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();   // tombstone of a compacted erasure record: nothing left to erase
        }
        UUID userId = UUID.fromString(record.key());   // not a user id: failure, dead-lettered with the reason
        return schema.ready()
                .chain(() -> erasure.erase(models, userId.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .invoke(workouts -> Log.infof("user erased, workout history deleted userId=%s workouts=%d", userId,
                        workouts))
                .replaceWithVoid();
    }
}
