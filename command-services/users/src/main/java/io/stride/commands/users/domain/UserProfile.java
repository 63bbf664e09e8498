package io.stride.commands.users.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a user sees of their account (the seed's User, without credentials), with the athlete's metrics, the display
 * name they chose to show others (null: none) and whether they hide from public leaderboards.
 */
public record UserProfile(UUID id, String email, String firstName, String lastName, Instant createdAt,
        Instant lastLogin, boolean totpEnabled, AthleteMetrics metrics, String displayName,
        boolean hiddenFromLeaderboards) {
}
