package io.stride.commands.workouts.application;

import java.util.UUID;

/**
 * A client's {@code Idempotency-Key}, scoped to its user, with the hash of the request it was sent with.
 *
 * @param userId      whose key
 * @param key         the header's value
 * @param requestHash SHA-256 of method, path and body: the same key with another request is refused
 */
public record IdempotentRequest(UUID userId, String key, String requestHash) {
}
