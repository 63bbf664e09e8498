package io.stride.queries.livetracking.projection;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.queries.livetracking.store.ShareLinkStore;
import io.stride.schemas.Topics;

/**
 * Right to erasure: on {@link Topics#USER_ERASURES} ({@code UserErased}, key = user id) the user's share links are
 * deleted from Redis. The key is all this needs, so the value is not decoded; a record whose key is not a user id
 * goes to the dead-letter topic, as does one whose deletion still fails after a few retries. Deleting is idempotent,
 * so redelivery is harmless.
 * The live state itself disappears through the tombstones the live-workout processor publishes.
 */
@ApplicationScoped
class UserErasureProjection {

    private final ShareLinkStore links;

    UserErasureProjection(ShareLinkStore links) {
        this.links = links;
    }

    @Incoming("user-erasures")
    Uni<Void> onUserErased(ConsumerRecord<String, byte[]> erasure) {
        if (erasure.value() == null) {
            return Uni.createFrom().voidItem();   // tombstone of a compacted erasure record: nothing left to erase
        }
        UUID userId = UUID.fromString(erasure.key());   // not a user id: failure, dead-lettered with the reason
        return links.eraseUser(userId.toString())
                // Redis briefly unreachable: retried here, dead-lettered only when it stays down
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .invoke(count -> Log.infof("user erased, share links deleted userId=%s count=%d", userId, count))
                .replaceWithVoid();
    }
}
