package io.stride.commands.users.domain;

import java.time.Instant;
import java.util.UUID;

/** What a user sees of their account (the seed's User, without credentials), with the athlete's metrics. */
public record UserProfile(UUID id, String email, String firstName, String lastName, Instant createdAt,
        Instant lastLogin, boolean totpEnabled, AthleteMetrics metrics) {
}
