package io.stride.commands.goals.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A goal as it stands.
 *
 * @param id the goal
 * @param userId its athlete
 * @param definition what it asks
 * @param paused whether the athlete paused it (nothing counts towards it meanwhile)
 * @param version 1 when set, one more with each edit
 * @param createdAt when it was set
 * @param updatedAt when it last changed
 */
public record Goal(UUID id, UUID userId, GoalDefinition definition, boolean paused, long version, Instant createdAt,
        Instant updatedAt) {
}
