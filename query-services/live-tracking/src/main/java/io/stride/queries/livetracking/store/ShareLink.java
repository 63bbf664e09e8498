package io.stride.queries.livetracking.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A share link as stored: read-only access to one workout for whoever holds its token, until it expires or its
 * owner revokes it. The token itself is never stored, only its SHA-256 (the Redis key).
 */
public record ShareLink(UUID id, UUID workoutId, String userId, Instant createdAt, Instant expiresAt) {
}
