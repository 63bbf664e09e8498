package io.stride.platform.workoutfacts;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.workoutfacts.Figures.InvalidWorkout;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.UpdateSource;
import io.stride.schemas.workout.WorkoutCancelled;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutCompletedData;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutUpdated;

/**
 * The first stage, by workout: a Workout event or a progress update becomes a {@link WorkoutFact} keyed by its
 * athlete, or a dead letter.
 * <ul>
 *   <li>{@code WorkoutStarted} → {@link WorkoutFact.Started} with its sport and start time.</li>
 *   <li>{@code WorkoutUpdated} from live-workout ({@code source} LIVE) without final figures: a progress update
 *       ({@code workouts.workout-progress}) → {@link WorkoutFact.Progressed} with its distance so far.</li>
 *   <li>{@code WorkoutCompleted} → {@link WorkoutFact.Completed} with its figures: distance, moving time (the final
 *       figures', else the duration), elevation gain (0 when not measured), calories; started at its start time (else
 *       the final figures', else its end less its duration).</li>
 *   <li>{@code WorkoutUpdated} from the athlete ({@code source} ATHLETE) with a sport →
 *       {@link WorkoutFact.SportChanged}; any other update (live-workout's final figures, which the completion
 *       carries, an edit of the title) changes no board.</li>
 *   <li>{@code WorkoutCancelled} → {@link WorkoutFact.Cancelled}.</li>
 *   <li>Every other event is ignored. An event that cannot count (a figure negative or not a number, an end before its
 *       start, a record key that is not its workout id) is forwarded as it is, with {@code stride.dlq.*} headers, to
 *       the source's {@code .dlq} topic.</li>
 * </ul>
 */
public final class WorkoutFactsProcessor implements Processor<String, SpecificRecord, String, Object> {

    private ProcessorContext<String, Object> context;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() == null) {
            return;
        }
        try {
            WorkoutFact fact = factOf(record.value());
            if (fact == null) {
                return;
            }
            if (!fact.workoutId().equals(record.key())) {
                throw new InvalidWorkout("key_mismatch: the record's key " + record.key() + " is not its workout id "
                        + fact.workoutId());
            }
            context.forward(record.<String>withKey(fact.athleteId()).<Object>withValue(fact)
                    .withHeaders(plain(record.headers())));
        } catch (InvalidWorkout invalid) {
            context.forward(record.<Object>withValue(record.value())
                    .withHeaders(DeadLetters.headers(context, record, invalid.getMessage())));
        }
    }

    /** The fact of {@code event}, or {@code null} when it changes nothing counted. */
    public static WorkoutFact factOf(SpecificRecord event) {
        return switch (event) {
            case WorkoutCompleted completed -> completed(completed);
            case WorkoutCancelled cancelled -> new WorkoutFact.Cancelled(
                    cancelled.getData().getWorkoutId().toString(), cancelled.getData().getUserId().toString(),
                    cancelled.getTimestamp());
            case WorkoutStarted started -> new WorkoutFact.Started(started.getData().getWorkoutId().toString(),
                    started.getData().getUserId().toString(), started.getTimestamp(),
                    started.getData().getSportType().name(), started.getData().getStartTime());
            case WorkoutUpdated updated when updated.getData().getSource() == UpdateSource.LIVE
                    && updated.getData().getFinalFigures() == null -> new WorkoutFact.Progressed(
                    updated.getData().getWorkoutId().toString(), updated.getData().getUserId().toString(),
                    updated.getTimestamp(),
                    Figures.tenths("currentDistanceMeters", updated.getData().getCurrentDistanceMeters()));
            case WorkoutUpdated updated when updated.getData().getSource() == UpdateSource.ATHLETE
                    && updated.getData().getSportType() != null -> new WorkoutFact.SportChanged(
                    updated.getData().getWorkoutId().toString(), updated.getData().getUserId().toString(),
                    updated.getTimestamp(), updated.getData().getSportType().name());
            default -> null;
        };
    }

    private static WorkoutFact completed(WorkoutCompleted completed) {
        WorkoutCompletedData data = completed.getData();
        FinalFigures figures = data.getFigures();
        if (data.getDurationSeconds() < 0) {
            throw new InvalidWorkout("invalid_figures: durationSeconds=" + data.getDurationSeconds());
        }
        Instant end = data.getEndTime();
        Instant start = data.getStartTime() != null ? data.getStartTime()
                : figures != null && figures.getStartedAt() != null ? figures.getStartedAt()
                : end.minusSeconds(data.getDurationSeconds());
        long movingMillis = figures != null ? figures.getMovingTimeMillis() : data.getDurationSeconds() * 1000L;
        double elevation = figures != null && figures.getElevationGainMeters() != null
                ? figures.getElevationGainMeters() : 0.0;
        return new WorkoutFact.Completed(data.getWorkoutId().toString(), data.getUserId().toString(),
                completed.getTimestamp(), data.getSportType() == null ? null : data.getSportType().name(),
                Figures.of(start, end, data.getDistanceMeters(), movingMillis, elevation, data.getCaloriesBurned()));
    }

    /** A copy of {@code headers} without the seal's: the facts are written plain (internal topic). */
    private static Headers plain(Headers headers) {
        Headers plain = new RecordHeaders(headers.toArray());
        plain.remove(SealedSerde.SEALED_FOR_HEADER);
        return plain;
    }
}
