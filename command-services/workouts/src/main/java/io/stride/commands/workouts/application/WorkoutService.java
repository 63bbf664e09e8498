package io.stride.commands.workouts.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.workouts.application.CommandResult.Applied;
import io.stride.commands.workouts.application.CommandResult.KeyInFlight;
import io.stride.commands.workouts.application.CommandResult.KeyReused;
import io.stride.commands.workouts.application.CommandResult.NotFound;
import io.stride.commands.workouts.application.CommandResult.Refused;
import io.stride.commands.workouts.application.CommandResult.VersionConflict;
import io.stride.commands.workouts.config.WorkoutsConfig;
import io.stride.commands.workouts.domain.Decision;
import io.stride.commands.workouts.domain.ImportWorkoutCommand;
import io.stride.commands.workouts.domain.Source;
import io.stride.commands.workouts.domain.Sport;
import io.stride.commands.workouts.domain.StartWorkoutCommand;
import io.stride.commands.workouts.domain.Workout;
import io.stride.commands.workouts.domain.WorkoutError;
import io.stride.commands.workouts.domain.WorkoutEvent;
import io.stride.commands.workouts.messaging.WorkoutEventRecords;
import io.stride.commands.workouts.persistence.EventCodec;
import io.stride.commands.workouts.persistence.IdempotencyKeys;
import io.stride.commands.workouts.persistence.WorkoutEventEntity;
import io.stride.commands.workouts.persistence.WorkoutEventRepository;
import io.stride.platform.outbox.Outbox;
import io.stride.schemas.Topics;

/**
 * The workout use cases: one transaction per command that loads the workout's stream, lets the aggregate decide, and
 * appends its events together with their outbox rows (published sealed for the athlete) and the idempotency key's
 * outcome. Two commands that decided on the same version cannot both append: the event store's primary key refuses
 * the second, which is answered {@link VersionConflict}, nothing appended.
 *
 * <p>An idempotency key is claimed first, committed on its own (a concurrent duplicate sees the claim); a key whose
 * command appended nothing is released, so that the client can correct and retry with it.
 */
@ApplicationScoped
public class WorkoutService {

    /** How many times a command without an expected version is decided again after losing a race to append. */
    static final int REDECISIONS = 3;

    private final WorkoutEventRepository events;
    private final IdempotencyKeys keys;
    private final Outbox outbox;
    private final Clock clock;
    private final WorkoutsConfig config;

    public WorkoutService(WorkoutEventRepository events, IdempotencyKeys keys, Outbox outbox, Clock clock,
            WorkoutsConfig config) {
        this.events = events;
        this.keys = keys;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** Runs one command (from a client with its idempotency key, or from Kafka without). */
    @WithSpan("WorkoutService.execute")
    public Uni<CommandResult> execute(CommandRequest request) {
        IdempotentRequest idempotency = request.idempotency();
        Uni<CommandResult> result = idempotency == null
                ? attempt(request)
                : keys.claim(idempotency.userId(), idempotency.key(), idempotency.requestHash(), clock.instant(),
                                config.idempotency().inFlightTimeout())
                        .chain(claim -> switch (claim) {
                            case IdempotencyKeys.Claimed claimed -> attempt(request)
                                    .call(done -> done instanceof Applied
                                            ? Uni.createFrom().voidItem()
                                            : release(request))
                                    .onFailure().call(() -> release(request));
                            case IdempotencyKeys.Done done -> Uni.createFrom().item((CommandResult) new Applied(
                                    EventCodec.read(done.outcome(), WorkoutSnapshot.class), 0, true));
                            case IdempotencyKeys.InFlight inFlight ->
                                    Uni.createFrom().item((CommandResult) new KeyInFlight());
                            case IdempotencyKeys.Mismatch mismatch ->
                                    Uni.createFrom().item((CommandResult) new KeyReused());
                        });
        return result.invoke(done -> log(request, done));
    }

    /**
     * Starts the workouts of devices that only stream, from live-workout's claims (ADR 0013): each claimed workout
     * this service does not know starts for the claim's athlete, at the claim's time, {@code source = SAMPLES}, sport
     * unknown; a claim of a known workout (started by the app, a device, an import, an earlier claim) changes nothing.
     * A burst of claims (many athletes setting off at once) is one transaction: one look-up of which workouts exist,
     * the new streams and their outbox rows, one commit. Should another command start one of them meanwhile, the
     * batch appends nothing and each claim is run on its own, as any command is. Answers how many started.
     */
    @WithSpan("WorkoutService.startClaimed")
    public Uni<Integer> startClaimed(List<Claim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(() -> startUnknown(claims))
                .onFailure(WorkoutService::isVersionClash)
                .recoverWithUni(() -> startOneByOne(claims));
    }

    /** live-workout's claim: the workout belongs to the athlete since the claim's time. */
    public record Claim(UUID workoutId, UUID userId, Instant claimedAt) {

        CommandRequest request() {
            return new CommandRequest(Actor.platform(), workoutId, new StartWorkoutCommand(userId, Sport.OTHER,
                    claimedAt, null, null, null, Source.SAMPLES), null, null);
        }
    }

    private Uni<Integer> startUnknown(List<Claim> claims) {
        Map<UUID, Claim> firstClaims = new LinkedHashMap<>();
        claims.forEach(claim -> firstClaims.putIfAbsent(claim.workoutId(), claim));
        return events.startedAmong(firstClaims.keySet()).chain(known -> {
            Instant now = clock.instant();
            Map<CommandRequest, CommandResult> started = new LinkedHashMap<>();
            List<WorkoutEvent> decided = new ArrayList<>();
            List<WorkoutEventEntity> rows = new ArrayList<>();
            for (Claim claim : firstClaims.values()) {
                if (known.contains(claim.workoutId())) {
                    continue;
                }
                CommandRequest request = claim.request();
                Workout workout = Workout.replay(claim.workoutId(), List.of());
                if (workout.decide(request.command(), now) instanceof Decision.Accepted(List<WorkoutEvent> events)) {
                    for (WorkoutEvent event : events) {
                        workout = workout.apply(event);
                        decided.add(event);
                        rows.add(row(event, workout.version(), now));
                    }
                    started.put(request, new Applied(WorkoutSnapshot.of(workout), events.size(), false));
                }
            }
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return store(rows, decided)
                    .invoke(() -> started.forEach(WorkoutService::log))
                    .replaceWith(started.size());
        });
    }

    private Uni<Integer> startOneByOne(List<Claim> claims) {
        Uni<Integer> started = Uni.createFrom().item(0);
        for (Claim claim : claims) {
            started = started.chain(count -> execute(claim.request())
                    .map(result -> result instanceof Applied ? count + 1 : count));
        }
        return started;
    }

    /** The workout as its caller may see it; empty when it does not exist or is someone else's. */
    @WithSpan("WorkoutService.current")
    public Uni<Optional<WorkoutSnapshot>> current(Actor actor, UUID workoutId) {
        return Panache.withSession(() -> load(workoutId))
                .map(workout -> workout.exists() && actor.mayAct(workout.userId())
                        ? Optional.of(WorkoutSnapshot.of(workout))
                        : Optional.empty());
    }

    /** The workout's stream in the domain's terms, oldest first (for tests and rebuilds). */
    public Uni<List<WorkoutEvent>> history(UUID workoutId) {
        return Panache.withSession(() -> events.streamOf(workoutId))
                .map(rows -> rows.stream()
                        .map(WorkoutService::decode)
                        .toList());
    }

    private Uni<Void> release(CommandRequest request) {
        return keys.release(request.idempotency().userId(), request.idempotency().key());
    }

    /**
     * Decides and appends; when another command appended first, a command that named the version it decided on
     * answers {@link VersionConflict}, and one that did not (a claim, an import, the platform's, a client's without
     * {@code If-Match}) is decided again on the new state, up to {@link #REDECISIONS} times: an import racing its
     * own samples' claim (ADR 0013) then completes the workout the claim started instead of failing.
     */
    private Uni<CommandResult> attempt(CommandRequest request) {
        return attempt(request, REDECISIONS);
    }

    private Uni<CommandResult> attempt(CommandRequest request, int redecisions) {
        return Panache.withTransaction(() -> decideAndAppend(request))
                .onFailure(WorkoutService::isVersionClash)
                .recoverWithUni(() -> request.expectedVersion() == null && redecisions > 0
                        ? attempt(request, redecisions - 1)
                        : Panache.withSession(() -> load(request.workoutId()))
                                .map(current -> (CommandResult) new VersionConflict(request.expectedVersion(),
                                        current.version(), current.status())));
    }

    private Uni<CommandResult> decideAndAppend(CommandRequest request) {
        UUID workoutId = request.workoutId();
        return load(workoutId).chain(workout -> {
            Actor actor = request.actor();
            boolean starting = request.command() instanceof StartWorkoutCommand
                    || request.command() instanceof ImportWorkoutCommand;
            if (workout.exists() && !actor.mayAct(workout.userId())) {
                // someone else's workout: its state is not told, only that the id is taken
                return Uni.createFrom().item(starting
                        ? new Refused(new WorkoutError.AlreadyStarted(workoutId, null, 0))
                        : new NotFound(workoutId));
            }
            Long expected = request.expectedVersion();
            if (expected != null && expected != workout.version()) {
                return Uni.createFrom().item(workout.exists() || starting
                        ? new VersionConflict(expected, workout.version(), workout.status())
                        : new NotFound(workoutId));
            }
            Instant now = clock.instant();
            return switch (workout.decide(request.command(), now)) {
                case Decision.Rejected(WorkoutError.NotStarted notStarted) ->
                        Uni.createFrom().item(new NotFound(workoutId));
                case Decision.Rejected(WorkoutError error) -> Uni.createFrom().item(new Refused(error));
                case Decision.Accepted(List<WorkoutEvent> decided) -> append(workout, decided, now)
                        .chain(after -> remember(request, after, now)
                                .replaceWith(new Applied(WorkoutSnapshot.of(after), decided.size(), false)));
            };
        });
    }

    /** Appends the events at the next versions, and their outbox rows; answers the state after them. */
    private Uni<Workout> append(Workout workout, List<WorkoutEvent> decided, Instant now) {
        if (decided.isEmpty()) {
            return Uni.createFrom().item(workout);
        }
        List<WorkoutEventEntity> rows = new ArrayList<>();
        Workout after = workout;
        for (WorkoutEvent event : decided) {
            after = after.apply(event);
            rows.add(row(event, after.version(), now));
        }
        return store(rows, decided).replaceWith(after);
    }

    /** Writes the event rows, then one outbox row per event (published sealed for the event's athlete). */
    private Uni<Void> store(List<WorkoutEventEntity> rows, List<WorkoutEvent> decided) {
        Uni<Void> published = Uni.createFrom().voidItem();
        for (WorkoutEvent event : decided) {
            published = published.chain(() -> outbox.appendSealed(Topics.WORKOUT_EVENTS, event.workoutId().toString(),
                    WorkoutEventRecords.toAvro(event), event.userId().toString()));
        }
        Uni<Void> outboxRows = published;
        return events.persist(rows)
                .chain(() -> events.flush())
                .chain(() -> outboxRows);
    }

    private Uni<Void> remember(CommandRequest request, Workout after, Instant now) {
        IdempotentRequest idempotency = request.idempotency();
        if (idempotency == null) {
            return Uni.createFrom().voidItem();
        }
        return keys.complete(idempotency.userId(), idempotency.key(), after.id(),
                EventCodec.write(WorkoutSnapshot.of(after)), now);
    }

    private Uni<Workout> load(UUID workoutId) {
        return events.streamOf(workoutId)
                .map(rows -> Workout.replay(workoutId, rows.stream()
                        .map(WorkoutService::decode)
                        .toList()));
    }

    private static WorkoutEvent decode(WorkoutEventEntity row) {
        return EventCodec.decode(row.getEventType(), row.getPayloadVersion(), row.getPayload());
    }

    private static WorkoutEventEntity row(WorkoutEvent event, long version, Instant now) {
        WorkoutEventEntity row = new WorkoutEventEntity();
        row.setWorkoutId(event.workoutId());
        row.setVersion(Math.toIntExact(version));
        row.setEventId(event.eventId());
        row.setEventType(event.type());
        row.setPayloadVersion(EventCodec.PAYLOAD_VERSION);
        row.setUserId(event.userId());
        row.setOccurredAt(event.occurredAt());
        row.setRecordedAt(now);
        row.setPayload(EventCodec.encode(event));
        return row;
    }

    /** Another command appended this version first (the event store's primary key or event id). */
    static boolean isVersionClash(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && WorkoutEventRepository.VERSION_CONSTRAINTS.contains(violation.getConstraintName())) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && WorkoutEventRepository.VERSION_CONSTRAINTS.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    private static void log(CommandRequest request, CommandResult result) {
        String outcome = switch (result) {
            case Applied applied when applied.replayed() -> "replayed";
            case Applied applied -> "applied events=" + applied.appended() + " version=" + applied.state().version();
            case Refused refused -> "refused error=" + refused.error().getClass().getSimpleName();
            case NotFound notFound -> "not_found";
            case VersionConflict conflict -> "version_conflict current=" + conflict.currentVersion();
            case KeyReused reused -> "idempotency_key_reused";
            case KeyInFlight inFlight -> "idempotency_key_in_flight";
        };
        Log.infof("workout command command=%s workoutId=%s actor=%s %s", request.command().name(),
                request.workoutId(), request.actor().kind(), outcome);
    }
}
