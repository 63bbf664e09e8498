package io.stride.commands.goals.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.stride.commands.goals.domain.Goal;
import io.stride.commands.goals.domain.GoalDefinition;
import io.stride.commands.goals.domain.GoalKind;
import io.stride.commands.goals.domain.GoalMetric;
import io.stride.commands.goals.domain.GoalPeriod;

/** A row of {@code goals.goals}: a goal, the hash of the request that created it, and when it was deleted. */
@Entity
@Table(schema = "goals", name = "goals")
public class GoalEntity {

    @Id
    private UUID id;
    @Column(name = "user_id")
    private UUID userId;
    private String kind;
    private String metric;
    private String period;
    private String sport;
    private double target;
    @Column(name = "target_seconds")
    private Long targetSeconds;
    private LocalDate deadline;
    private boolean paused;
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "request_hash")
    private String requestHash;
    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** A new row for {@code goal}, created by the request hashed {@code requestHash}. */
    public static GoalEntity of(Goal goal, String requestHash) {
        GoalEntity row = new GoalEntity();
        row.id = goal.id();
        row.userId = goal.userId();
        row.requestHash = requestHash;
        row.set(goal);
        return row;
    }

    /** The row holds {@code goal}'s state from now on. */
    public void set(Goal goal) {
        GoalDefinition definition = goal.definition();
        kind = definition.kind().wire();
        metric = definition.metric() == null ? null : definition.metric().wire();
        period = definition.period() == null ? null : definition.period().wire();
        sport = definition.sport();
        target = definition.target();
        targetSeconds = definition.targetSeconds();
        deadline = definition.deadline();
        paused = goal.paused();
        version = goal.version();
        createdAt = goal.createdAt();
        updatedAt = goal.updatedAt();
    }

    public Goal toGoal() {
        return new Goal(id, userId, new GoalDefinition(GoalKind.ofWire(kind), GoalMetric.ofWire(metric),
                GoalPeriod.ofWire(period), sport, target, targetSeconds, deadline), paused, version, createdAt,
                updatedAt);
    }

    public UUID getUserId() {
        return userId;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public void delete(Instant at) {
        deletedAt = at;
        updatedAt = at;
    }
}
