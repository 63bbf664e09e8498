package io.stride.commands.workouts.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.stride.commands.workouts.domain.Decision.Accepted;
import io.stride.commands.workouts.domain.WorkoutError.AlreadyStarted;
import io.stride.commands.workouts.domain.WorkoutError.InvalidTime;
import io.stride.commands.workouts.domain.WorkoutError.InvalidTransition;
import io.stride.commands.workouts.domain.WorkoutError.NotStarted;
import io.stride.commands.workouts.domain.WorkoutError.TagLimitReached;
import io.stride.commands.workouts.domain.WorkoutEvent.Cancelled;
import io.stride.commands.workouts.domain.WorkoutEvent.Completed;
import io.stride.commands.workouts.domain.WorkoutEvent.CompletionRequested;
import io.stride.commands.workouts.domain.WorkoutEvent.Paused;
import io.stride.commands.workouts.domain.WorkoutEvent.Resumed;
import io.stride.commands.workouts.domain.WorkoutEvent.Started;
import io.stride.commands.workouts.domain.WorkoutEvent.TagAdded;
import io.stride.commands.workouts.domain.WorkoutEvent.Updated;

/**
 * The Workout aggregate (ADR 0013): a command on a state returns events or a {@link WorkoutError}
 * ({@link #decide}); the state changes only by applying events ({@link #apply}), so a workout is the fold of its
 * stream and a test reads "given events, when command, then events".
 *
 * <pre>
 *            pause            complete                live-workout's final figures
 *   ACTIVE ---------> PAUSED ----------> COMPLETING ------------------------------> COMPLETED
 *      ^  <---------    |                     ^
 *      |    resume      |  complete           |        (final figures of an abandoned workout: ACTIVE or PAUSED
 *      +----------------+---------------------+         to COMPLETED, abandoned, by the platform)
 *   ACTIVE, PAUSED --cancel--> CANCELLED
 * </pre>
 *
 * Every event's id is derived from the workout id and its version, so deciding twice on the same state yields the
 * same events. Instances are immutable.
 */
public final class Workout {

    private final UUID id;
    private long version;
    private UUID userId;
    private WorkoutStatus status;
    private Sport sport;
    private Instant startTime;
    private Source startedBy;
    private String title;
    private String notes;
    private String deviceModel;
    private GeoPosition location;
    private List<String> tags = List.of();
    /** The last pause, resume or the start: no later transition may be earlier. */
    private Instant lastTransitionAt;
    private Source completionRequestedBy;
    private Instant requestedEndTime;
    private Instant endTime;
    private Source completedBy;
    private boolean abandoned;
    private FinalFigures figures;
    private String cancelReason;

    private Workout(UUID id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    private Workout(Workout other) {
        this.id = other.id;
        this.version = other.version;
        this.userId = other.userId;
        this.status = other.status;
        this.sport = other.sport;
        this.startTime = other.startTime;
        this.startedBy = other.startedBy;
        this.title = other.title;
        this.notes = other.notes;
        this.deviceModel = other.deviceModel;
        this.location = other.location;
        this.tags = other.tags;
        this.lastTransitionAt = other.lastTransitionAt;
        this.completionRequestedBy = other.completionRequestedBy;
        this.requestedEndTime = other.requestedEndTime;
        this.endTime = other.endTime;
        this.completedBy = other.completedBy;
        this.abandoned = other.abandoned;
        this.figures = other.figures;
        this.cancelReason = other.cancelReason;
    }

    /** A workout nobody started yet (version 0). */
    public static Workout none(UUID id) {
        return new Workout(id);
    }

    /** The fold of a stream, oldest event first. */
    public static Workout replay(UUID id, List<? extends WorkoutEvent> events) {
        Workout workout = none(id);
        for (WorkoutEvent event : events) {
            workout = workout.apply(event);
        }
        return workout;
    }

    /** The state after {@code event} (one version more). */
    public Workout apply(WorkoutEvent event) {
        if (!event.workoutId().equals(id)) {
            throw new IllegalArgumentException("event of workout " + event.workoutId() + " applied to " + id);
        }
        Workout next = new Workout(this);
        next.version = version + 1;
        switch (event) {
            case Started started -> {
                next.userId = started.userId();
                next.status = WorkoutStatus.ACTIVE;
                next.sport = started.sport();
                next.startTime = started.startTime();
                next.startedBy = started.source();
                next.title = started.title();
                next.deviceModel = started.deviceModel();
                next.location = started.location();
                next.lastTransitionAt = started.startTime();
            }
            case Updated updated -> {
                next.sport = updated.sport() != null ? updated.sport() : sport;
                next.title = updated.title() != null ? updated.title() : title;
                next.notes = updated.notes() != null ? updated.notes() : notes;
            }
            case Paused paused -> {
                next.status = WorkoutStatus.PAUSED;
                next.lastTransitionAt = paused.occurredAt();
            }
            case Resumed resumed -> {
                next.status = WorkoutStatus.ACTIVE;
                next.lastTransitionAt = resumed.occurredAt();
            }
            case CompletionRequested requested -> {
                next.status = WorkoutStatus.COMPLETING;
                next.completionRequestedBy = requested.requestedBy();
                next.requestedEndTime = requested.endTime();
            }
            case Completed completed -> {
                next.status = WorkoutStatus.COMPLETED;
                next.endTime = completed.endTime();
                next.completedBy = completed.source();
                next.abandoned = completed.abandoned();
                next.figures = completed.figures();
                next.startTime = completed.startTime() != null ? completed.startTime() : startTime;
            }
            case Cancelled cancelled -> {
                next.status = WorkoutStatus.CANCELLED;
                next.endTime = cancelled.occurredAt();
                next.cancelReason = cancelled.reason();
            }
            case TagAdded tagged -> {
                List<String> more = new ArrayList<>(tags);
                more.add(tagged.tag());
                next.tags = Collections.unmodifiableList(more);
            }
        }
        return next;
    }

    /** The events {@code command} appends on this state at {@code now}, or why it is refused. */
    public Decision decide(WorkoutCommand command, Instant now) {
        return switch (command) {
            case StartWorkoutCommand start -> start(start, now);
            case ImportWorkoutCommand imported -> importing(imported, now);
            case RecordFinalFiguresCommand finished -> finish(finished, now);
            default -> exists() ? decideOnRunning(command, now) : Decision.reject(new NotStarted(id));
        };
    }

    private Decision decideOnRunning(WorkoutCommand command, Instant now) {
        return switch (command) {
            case PauseWorkoutCommand pause -> pause(pause, now);
            case ResumeWorkoutCommand resume -> resume(resume, now);
            case CompleteWorkoutCommand complete -> complete(complete, now);
            case CancelWorkoutCommand cancel -> cancel(cancel, now);
            case AddWorkoutTagCommand tag -> addTag(tag, now);
            case UpdateWorkoutCommand update -> update(update, now);
            default -> throw new IllegalStateException("not a command on a running workout: " + command.name());
        };
    }

    private Decision start(StartWorkoutCommand start, Instant now) {
        if (exists()) {
            return Decision.reject(new AlreadyStarted(id, status, version));
        }
        Instant at = start.startTime() != null ? start.startTime() : now;
        return Decision.accept(new Started(eventId(1), id, Objects.requireNonNull(start.userId(), "userId"), at,
                Objects.requireNonNull(start.sport(), "sport"), at, start.location(), start.deviceModel(),
                Objects.requireNonNull(start.source(), "source"), start.title()));
    }

    private Decision importing(ImportWorkoutCommand imported, Instant now) {
        if (imported.endTime().isBefore(imported.startTime())) {
            return Decision.reject(new InvalidTime("end_time", "The end is before the start", status, version));
        }
        if (exists()) {
            return startedByTheRecording(imported) ? completeImported(imported)
                    : Decision.reject(new AlreadyStarted(id, status, version));
        }
        return Decision.accept(
                new Started(eventId(1), id, imported.userId(), imported.startTime(), imported.sport(),
                        imported.startTime(), null, imported.deviceModel(), Source.IMPORT, imported.title()),
                new CompletionRequested(eventId(2), id, imported.userId(), imported.endTime(), imported.endTime(),
                        Source.IMPORT));
    }

    /**
     * Whether this workout is the recording's own, started by its samples: the importer publishes them before the
     * import, and live-workout's claim of the first one may reach this service first (ADR 0013).
     */
    private boolean startedByTheRecording(ImportWorkoutCommand imported) {
        return startedBy == Source.SAMPLES && status == WorkoutStatus.ACTIVE && userId.equals(imported.userId());
    }

    /** The import of a workout its samples started: its sport and title, then its completion at the last point. */
    private Decision completeImported(ImportWorkoutCommand imported) {
        if (imported.endTime().isBefore(lastTransitionAt)) {
            return Decision.reject(new InvalidTime("end_time", "The end is before the workout's start", status,
                    version));
        }
        Sport newSport = imported.sport() != sport ? imported.sport() : null;
        String newTitle = imported.title() != null && !imported.title().equals(title) ? imported.title() : null;
        List<WorkoutEvent> events = new ArrayList<>();
        if (newSport != null || newTitle != null) {
            events.add(new Updated(eventId(1), id, userId, imported.endTime(), newSport, newTitle, null, 0.0, null));
        }
        events.add(new CompletionRequested(eventId(events.size() + 1), id, userId, imported.endTime(),
                imported.endTime(), Source.IMPORT));
        return Decision.accept(events.toArray(WorkoutEvent[]::new));
    }

    private Decision pause(PauseWorkoutCommand pause, Instant now) {
        if (status != WorkoutStatus.ACTIVE) {
            return invalid(pause);
        }
        Instant at = transitionTime(pause.at(), now);
        if (at.isBefore(lastTransitionAt)) {
            return Decision.reject(new InvalidTime("at", "The pause is before the workout's last start or resume",
                    status, version));
        }
        return Decision.accept(new Paused(eventId(1), id, userId, at, pause.source()));
    }

    private Decision resume(ResumeWorkoutCommand resume, Instant now) {
        if (status != WorkoutStatus.PAUSED) {
            return invalid(resume);
        }
        Instant at = transitionTime(resume.at(), now);
        if (at.isBefore(lastTransitionAt)) {
            return Decision.reject(new InvalidTime("at", "The resume is before the pause", status, version));
        }
        return Decision.accept(new Resumed(eventId(1), id, userId, at, resume.source()));
    }

    private Decision complete(CompleteWorkoutCommand complete, Instant now) {
        if (!status.running()) {
            return invalid(complete);
        }
        Instant end = transitionTime(complete.endTime(), now);
        if (end.isBefore(lastTransitionAt)) {
            return Decision.reject(new InvalidTime("end_time", "The end is before the workout's last start, pause "
                    + "or resume", status, version));
        }
        return Decision.accept(new CompletionRequested(eventId(1), id, userId, now, end, complete.source()));
    }

    private Decision cancel(CancelWorkoutCommand cancel, Instant now) {
        if (!status.running()) {
            return invalid(cancel);
        }
        return Decision.accept(new Cancelled(eventId(1), id, userId, now, cancel.reason(), cancel.source()));
    }

    private Decision addTag(AddWorkoutTagCommand command, Instant now) {
        if (status == WorkoutStatus.CANCELLED) {
            return invalid(command);
        }
        String tag = Tags.normalise(command.tag());
        if (tag == null) {
            throw new IllegalArgumentException("not a tag: " + command.tag());
        }
        if (tags.contains(tag)) {
            return new Accepted(List.of());
        }
        if (tags.size() >= Tags.MAX_PER_WORKOUT) {
            return Decision.reject(new TagLimitReached(Tags.MAX_PER_WORKOUT, version));
        }
        return Decision.accept(new TagAdded(eventId(1), id, userId, now, tag));
    }

    private Decision update(UpdateWorkoutCommand update, Instant now) {
        if (status == WorkoutStatus.CANCELLED) {
            return invalid(update);
        }
        Sport newSport = update.sport() != null && update.sport() != sport ? update.sport() : null;
        String newTitle = update.title() != null && !update.title().equals(title) ? update.title() : null;
        String newNotes = update.notes() != null && !update.notes().equals(notes) ? update.notes() : null;
        if (newSport == null && newTitle == null && newNotes == null) {
            return new Accepted(List.of());
        }
        return Decision.accept(new Updated(eventId(1), id, userId, now, newSport, newTitle, newNotes,
                figures != null ? figures.distanceMeters() : 0.0, figures != null ? figures.avgHeartRateBpm() : null));
    }

    private Decision finish(RecordFinalFiguresCommand finished, Instant now) {
        FinalFigures final_ = finished.figures();
        boolean abandonedEnd = final_.endReason() == EndReason.ABANDONED;
        if (!exists()) {
            // a workout live-workout finished that this service never saw (a claim lost, events from before it)
            Instant start = final_.startedAt() != null ? final_.startedAt() : final_.endedAt();
            Started started = new Started(eventId(1), id, finished.userId(), start, Sport.OTHER, start, null, null,
                    Source.SAMPLES, null);
            Workout begun = apply(started);
            return Decision.accept(started, begun.completed(1, now, final_, abandonedEnd, Source.PLATFORM));
        }
        if (!userId.equals(finished.userId())) {
            return Decision.reject(new WorkoutError.ForeignFigures(id, finished.userId(), status, version));
        }
        return switch (status) {
            case COMPLETING -> Decision.accept(completed(1, now, final_, false, completionRequestedBy));
            case ACTIVE, PAUSED -> Decision.accept(completed(1, now, final_, abandonedEnd, Source.PLATFORM));
            // a replay, or figures of a workout cancelled meanwhile: nothing changes
            case COMPLETED, CANCELLED -> new Accepted(List.of());
        };
    }

    private Completed completed(int offset, Instant now, FinalFigures final_, boolean abandonedEnd, Source source) {
        return new Completed(eventId(offset), id, userId, now, final_.endedAt(), final_.durationSeconds(),
                final_.distanceMeters(), final_.caloriesKcal() != null ? final_.caloriesKcal() : 0.0, final_.route(),
                sport, final_.startedAt() != null ? final_.startedAt() : startTime, abandonedEnd, source, final_);
    }

    private Decision invalid(WorkoutCommand command) {
        return Decision.reject(new InvalidTransition(command.name(), status, version));
    }

    /** A transition's time: the one given, else now but never before the last transition (clocks differ). */
    private Instant transitionTime(Instant given, Instant now) {
        if (given != null) {
            return given;
        }
        return lastTransitionAt != null && now.isBefore(lastTransitionAt) ? lastTransitionAt : now;
    }

    /** The id of the event that will have version {@code version + offset}: the same on every decision. */
    private UUID eventId(int offset) {
        return UUID.nameUUIDFromBytes(("stride.workout-event/" + id + "/" + (version + offset))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the workout was started (it has events). */
    public boolean exists() {
        return status != null;
    }

    public UUID id() {
        return id;
    }

    /** Events applied: 0 for a workout never started. */
    public long version() {
        return version;
    }

    /** The athlete who owns it. */
    public UUID userId() {
        return userId;
    }

    public WorkoutStatus status() {
        return status;
    }

    public Sport sport() {
        return sport;
    }

    public Instant startTime() {
        return startTime;
    }

    public Source startedBy() {
        return startedBy;
    }

    public String title() {
        return title;
    }

    public String notes() {
        return notes;
    }

    public String deviceModel() {
        return deviceModel;
    }

    public GeoPosition location() {
        return location;
    }

    public List<String> tags() {
        return tags;
    }

    /** Who asked for the completion, while or after completing. */
    public Source completionRequestedBy() {
        return completionRequestedBy;
    }

    /** The end time asked for, while or after completing. */
    public Instant requestedEndTime() {
        return requestedEndTime;
    }

    /** When it ended (completed) or was cancelled. */
    public Instant endTime() {
        return endTime;
    }

    /** Who completed it. */
    public Source completedBy() {
        return completedBy;
    }

    /** Finished by the platform after going quiet. */
    public boolean abandoned() {
        return abandoned;
    }

    /** live-workout's final figures, once completed. */
    public FinalFigures figures() {
        return figures;
    }

    public String cancelReason() {
        return cancelReason;
    }
}
