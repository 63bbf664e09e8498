package io.stride.commands.users.domain;

import java.time.Instant;
import java.util.UUID;

/** A wearable of a user; {@code revokedAt} null while its credential is valid. */
public record Device(UUID deviceId, String model, Instant registeredAt, Instant revokedAt) {
}
