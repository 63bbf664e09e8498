package io.stride.commands.goals.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stride.commands.goals.domain.Goal;
import io.stride.commands.goals.domain.GoalDefinition;
import io.stride.commands.goals.domain.GoalError;
import io.stride.commands.goals.messaging.GoalRecords;
import io.stride.commands.goals.persistence.GoalEntity;
import io.stride.commands.goals.persistence.GoalRepository;
import io.stride.platform.outbox.Outbox;
import io.stride.schemas.Topics;

/**
 * The goals' use cases. Each change and its record on {@link Topics#GOALS} are one transaction (the outbox).
 * <ul>
 *   <li>Creation is idempotent: the goal's id is derived from the athlete and the {@code Idempotency-Key}, so a retry
 *       finds the goal it created (the same request: replayed; another: refused).</li>
 *   <li>Edits and deletions name the version they were decided on ({@code If-Match}); the goal's row is locked while
 *       one is applied, so the second of two edits on one version is refused with the version it missed.</li>
 * </ul>
 */
@ApplicationScoped
public class GoalService {

    private static final Logger LOG = Logger.getLogger(GoalService.class);

    private final GoalRepository goals;
    private final Outbox outbox;
    private final Clock clock;

    GoalService(GoalRepository goals, Outbox outbox, Clock clock) {
        this.goals = goals;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A goal created, or replayed: the one an earlier request with the same key created. */
    public record Created(Goal goal, boolean replayed) {
    }

    /** What an edit changes; {@code null}: unchanged. */
    public record Edit(Double target, Long targetSeconds, LocalDate deadline, Boolean paused) {
    }

    /** The id of the goal {@code userId} creates with {@code idempotencyKey}. */
    public static UUID goalId(UUID userId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("goal:" + userId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    @WithTransaction
    public Uni<Created> create(UUID userId, String idempotencyKey, String requestHash, GoalDefinition definition) {
        UUID goalId = goalId(userId, idempotencyKey);
        return goals.findForUpdate(goalId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(replay(existing, requestHash));
            }
            definition.requireDeadlineFrom(earliestToday());
            return goals.countOf(userId).chain(count -> {
                if (count >= GoalDefinition.MAX_GOALS) {
                    throw new GoalError("goal_limit_reached", "An athlete may have at most "
                            + GoalDefinition.MAX_GOALS + " goals: delete one first",
                            Map.of("limit", GoalDefinition.MAX_GOALS));
                }
                Instant now = now();
                Goal goal = new Goal(goalId, userId, definition, false, 1, now, now);
                return goals.persist(GoalEntity.of(goal, requestHash))
                        .chain(saved -> outbox.append(Topics.GOALS, goalId.toString(), GoalRecords.toAvro(goal)))
                        .invoke(() -> LOG.infof("goal set goalId=%s userId=%s kind=%s", goalId, userId,
                                definition.kind().wire()))
                        .replaceWith(new Created(goal, false));
            });
        });
    }

    /**
     * Whether {@code failure} is two creations with one key racing: the second insert clashes with the first's
     * primary key, and is answered again as a retry would be.
     */
    public static boolean isDuplicateCreation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains("goals_pkey")) {
                return true;
            }
        }
        return false;
    }

    private static Created replay(GoalEntity existing, String requestHash) {
        if (!existing.getRequestHash().equals(requestHash)) {
            throw new GoalError("idempotency_key_reused", "This Idempotency-Key created another goal: use a new key "
                    + "for a new goal", Map.of());
        }
        if (existing.isDeleted()) {
            throw new GoalError("goal_deleted", "The goal this request created has been deleted since",
                    Map.of("goal_id", existing.toGoal().id().toString()));
        }
        return new Created(existing.toGoal(), true);
    }

    @WithSession
    public Uni<List<Goal>> list(UUID userId) {
        return goals.listOf(userId).map(rows -> rows.stream().map(GoalEntity::toGoal).toList());
    }

    @WithSession
    public Uni<Goal> get(UUID userId, UUID goalId) {
        return goals.findById(goalId).map(row -> owned(row, userId, goalId).toGoal());
    }

    /** The goal edited, if it is at {@code expectedVersion}. */
    @WithTransaction
    public Uni<Goal> edit(UUID userId, UUID goalId, long expectedVersion, Edit edit) {
        return goals.findForUpdate(goalId).chain(row -> {
            Goal current = atVersion(owned(row, userId, goalId), expectedVersion);
            GoalDefinition definition = current.definition()
                    .edited(edit.target(), edit.targetSeconds(), edit.deadline());
            if (edit.deadline() != null) {
                definition.requireDeadlineFrom(earliestToday());
            }
            boolean paused = edit.paused() != null ? edit.paused() : current.paused();
            if (definition.equals(current.definition()) && paused == current.paused()) {
                return Uni.createFrom().item(current);
            }
            Goal next = new Goal(goalId, userId, definition, paused, current.version() + 1, current.createdAt(),
                    now());
            row.set(next);
            return outbox.append(Topics.GOALS, goalId.toString(), GoalRecords.toAvro(next)).replaceWith(next);
        });
    }

    /** The goal deleted, if it is at {@code expectedVersion}: a tombstone on {@link Topics#GOALS}. */
    @WithTransaction
    public Uni<Void> delete(UUID userId, UUID goalId, long expectedVersion) {
        return goals.findForUpdate(goalId).chain(row -> {
            atVersion(owned(row, userId, goalId), expectedVersion);
            row.delete(now());
            return outbox.appendTombstone(Topics.GOALS, goalId.toString());
        });
    }

    /** Every goal of the athlete deleted, each with its tombstone: how many. */
    @WithTransaction
    public Uni<Integer> erase(UUID userId) {
        return goals.allOf(userId).chain(rows -> {
            Uni<Void> done = Uni.createFrom().voidItem();
            for (GoalEntity row : rows) {
                UUID goalId = row.toGoal().id();
                done = done.chain(() -> goals.delete(row))
                        .chain(() -> outbox.appendTombstone(Topics.GOALS, goalId.toString()));
            }
            return done.invoke(() -> LOG.infof("user erased userId=%s goals=%d", userId, rows.size()))
                    .replaceWith(rows.size());
        });
    }

    private static GoalEntity owned(GoalEntity row, UUID userId, UUID goalId) {
        if (row == null || row.isDeleted() || !row.getUserId().equals(userId)) {
            throw GoalError.notFound(goalId);
        }
        return row;
    }

    private static Goal atVersion(GoalEntity row, long expectedVersion) {
        Goal goal = row.toGoal();
        if (goal.version() != expectedVersion) {
            throw new GoalError("version_conflict", "The goal is at version " + goal.version() + ", not "
                    + expectedVersion + ": read it again", Map.of("current_version", goal.version(),
                    "expected_version", expectedVersion));
        }
        return goal;
    }

    /** The earliest day anywhere now: a deadline of today is valid in every zone. */
    private LocalDate earliestToday() {
        return LocalDate.now(clock.withZone(ZoneOffset.ofHours(-12)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
