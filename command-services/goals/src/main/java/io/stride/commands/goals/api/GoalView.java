package io.stride.commands.goals.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.stride.commands.goals.domain.Goal;
import io.stride.commands.goals.domain.GoalDefinition;
import io.stride.commands.goals.domain.GoalKind;

/** A goal as the API answers it; fields a kind does not have are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GoalView(String id, @JsonProperty("user_id") String userId, String kind, String metric, String period,
        String sport, Double target, @JsonProperty("distance_meters") Double distanceMeters,
        @JsonProperty("target_seconds") Long targetSeconds, LocalDate deadline, boolean paused, long version,
        @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {

    static GoalView of(Goal goal) {
        GoalDefinition definition = goal.definition();
        boolean performance = definition.kind() == GoalKind.PERFORMANCE;
        return new GoalView(goal.id().toString(), goal.userId().toString(), definition.kind().wire(),
                definition.metric() == null ? null : definition.metric().wire(),
                definition.period() == null ? null : definition.period().wire(),
                definition.sport() == null ? "any" : definition.sport().toLowerCase(Locale.ROOT),
                performance ? null : definition.target(), performance ? definition.target() : null,
                definition.targetSeconds(), definition.deadline(), goal.paused(), goal.version(), goal.createdAt(),
                goal.updatedAt());
    }
}
