package io.stride.processors.liveworkout.topology;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.stride.platform.kafka.DeadLetterHandler;
import io.stride.processors.liveworkout.domain.Athlete;
import io.stride.processors.liveworkout.domain.LiveFigures;
import io.stride.processors.liveworkout.domain.LiveSession;
import io.stride.processors.liveworkout.domain.LiveSettings;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.workout.WorkoutCancelled;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutPaused;
import io.stride.schemas.workout.WorkoutResumed;
import io.stride.schemas.workout.WorkoutStarted;

/**
 * Folds a workout's samples and lifecycle events (both keyed by workout id, co-partitioned) into its
 * {@link LiveSession}. Forwards the live state after every change, a WorkoutUpdated when one is due (both with the
 * triggering record's headers, e.g. its correlation id), and samples that cannot be placed (too late, workout closed)
 * as dead letters with the {@code stride.dlq.*} headers.
 */
final class LiveWorkoutProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    static final String REASON_LATE = "late_sample";
    static final String REASON_CLOSED = "workout_closed";

    private final LiveSettings settings;
    private final Clock clock;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, LiveSession> sessions;
    private KeyValueStore<String, UserMetricsUpdated> userMetrics;

    LiveWorkoutProcessor(LiveSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        sessions = context.getStateStore(LiveWorkoutTopology.SESSION_STORE);
        userMetrics = context.getStateStore(LiveWorkoutTopology.USER_METRICS_STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        LiveSession session = sessions.get(record.key());
        switch (record.value()) {
            case TelemetrySample sample -> onSample(record, sample, session);
            case WorkoutStarted started -> {
                LiveSession opened = session != null ? session
                        : LiveSession.open(started.getData().getWorkoutId(), started.getData().getUserId());
                opened.started(started.getData().getUserId(), AvroMapping.toDomain(started.getData().getSportType()));
                sessions.put(record.key(), opened);
            }
            case WorkoutPaused paused when session != null -> {
                session.paused(paused.getData().getPausedAt());
                publish(record, session);
            }
            case WorkoutResumed resumed when session != null -> {
                session.resumed(resumed.getData().getResumedAt());
                publish(record, session);
            }
            case WorkoutCompleted completed when session != null -> {
                session.closed(LiveSession.Status.COMPLETED, athlete(session), settings);
                publish(record, session);
            }
            case WorkoutCancelled cancelled when session != null -> {
                session.closed(LiveSession.Status.CANCELLED, athlete(session), settings);
                publish(record, session);
            }
            // WorkoutUpdated is this processor's own output read back; tags do not change live figures
            default -> {
            }
        }
    }

    private void onSample(Record<String, SpecificRecord> record, TelemetrySample sample, LiveSession existing) {
        LiveSession session = existing != null ? existing
                : LiveSession.open(sample.getWorkoutId(), sample.getUserId());
        switch (session.offer(AvroMapping.toDomain(sample), athlete(session), settings)) {
            case LiveSession.Accepted accepted -> publish(record, session);
            case LiveSession.Duplicate duplicate -> {
                // a device resend: already counted, nothing changes
            }
            case LiveSession.TooLate late -> {
                deadLetter(record, sample, REASON_LATE + ": " + late.behindMillis()
                        + " ms behind the newest sample, older than one already applied");
                sessions.put(record.key(), session);
            }
            case LiveSession.Closed closed -> deadLetter(record, sample,
                    REASON_CLOSED + ": workout " + closed.status().name().toLowerCase(Locale.ROOT));
        }
    }

    private Athlete athlete(LiveSession session) {
        return session.userId() == null ? Athlete.UNKNOWN
                : AvroMapping.toDomain(userMetrics.get(session.userId().toString()));
    }

    private void publish(Record<String, SpecificRecord> record, LiveSession session) {
        if (session.hasSamples()) {
            LiveFigures figures = session.view(athlete(session), settings);
            context.forward(record.withValue((SpecificRecord) AvroMapping.toAvro(figures, clock.instant())));
            if (session.updateDue(figures, settings)) {
                context.forward(record
                        .withValue((SpecificRecord) AvroMapping.toWorkoutUpdated(figures, session.updatesEmitted())));
            }
        }
        sessions.put(record.key(), session);
    }

    private void deadLetter(Record<String, SpecificRecord> record, TelemetrySample sample, String reason) {
        // the source's headers (correlation id) travel on, with the dead-letter headers added
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHandler.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHandler.STAGE_HEADER, "processing".getBytes(StandardCharsets.UTF_8));
        String source = context.recordMetadata()
                .map(metadata -> metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset())
                .orElse("unknown");
        headers.add(DeadLetterHandler.SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        context.forward(record.withValue((SpecificRecord) sample).withHeaders(headers));
    }
}
