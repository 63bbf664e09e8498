package io.stride.commands.goals.api;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The bodies the goals API reads. */
final class GoalRequests {

    private GoalRequests() {
    }

    /**
     * A goal to set. {@code target} is the amount for period_total and total_by_date; {@code distance_meters} with
     * {@code target_seconds} the performance.
     */
    record NewGoal(String kind, String metric, String period, String sport, Double target,
            @JsonProperty("distance_meters") Double distanceMeters,
            @JsonProperty("target_seconds") Long targetSeconds, LocalDate deadline) {
    }

    /** An edit: what may change (the amount, the time, the deadline, paused); what may not is refused if named. */
    record GoalEdit(String kind, String metric, String period, String sport, Double target,
            @JsonProperty("distance_meters") Double distanceMeters,
            @JsonProperty("target_seconds") Long targetSeconds, LocalDate deadline, Boolean paused) {
    }
}
