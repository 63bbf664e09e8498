package io.stride.commands.goals.domain;

import java.util.Map;

/**
 * A goal command refused: its code is the error format's {@code error}, its details the error's {@code details}.
 * <ul>
 *   <li>{@code validation_failed}: the goal as asked cannot be (details: the field and why).</li>
 *   <li>{@code not_found}: no such goal of the caller's.</li>
 *   <li>{@code version_conflict}: {@code If-Match} names a version the goal is no longer at.</li>
 *   <li>{@code goal_limit_reached}: the athlete has {@link GoalDefinition#MAX_GOALS} goals.</li>
 *   <li>{@code idempotency_key_reused}: the key created a different goal.</li>
 *   <li>{@code goal_deleted}: the key created a goal since deleted.</li>
 * </ul>
 */
public final class GoalError extends RuntimeException {

    private final String code;
    private final Map<String, Object> details;

    public GoalError(String code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    /** The goal as asked cannot be: {@code field} and why. */
    public static GoalError invalid(String field, String message) {
        return new GoalError("validation_failed", message, Map.of("field", field));
    }

    public static GoalError notFound(Object goalId) {
        return new GoalError("not_found", "No goal " + goalId, Map.of("goal_id", String.valueOf(goalId)));
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
