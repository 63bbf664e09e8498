package io.stride.processors.liveworkout.topology;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Metrics;

import io.stride.platform.kafka.DeadLetterHandler;
import io.stride.processors.liveworkout.domain.Athlete;
import io.stride.processors.liveworkout.domain.LiveFigures;
import io.stride.processors.liveworkout.domain.LiveSession;
import io.stride.processors.liveworkout.domain.LiveSettings;
import io.stride.processors.liveworkout.domain.TrackPoint;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.workout.WorkoutCancelled;
import io.stride.platform.kafka.SealedSerde;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutCompletionRequested;
import io.stride.schemas.workout.WorkoutOwner;
import io.stride.schemas.workout.UpdateSource;
import io.stride.schemas.workout.WorkoutPaused;
import io.stride.schemas.workout.WorkoutResumed;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutTagAdded;
import io.stride.schemas.workout.WorkoutUpdated;

/**
 * Folds a workout's sample batches and lifecycle events (both keyed by workout id, co-partitioned) into its
 * {@link LiveSession}: a batch is one session read and one session write, whatever its number of samples.
 *
 * <ul>
 *   <li>Live state: a batch's change is marked in the session and published by a wall-clock punctuation every
 *       {@link LiveSettings#publishEvery()}, so a workout's batches within one interval cost one published state
 *       (the mark is stored with the session, so a change committed but not yet published survives a crash);
 *       lifecycle events publish at once. Every state carries the headers (e.g. the correlation id) of the last
 *       record that changed it, as far as this instance saw it. With a zero interval every change is published at
 *       once. A WorkoutUpdated goes with a publication when due.</li>
 *   <li>Samples that cannot be placed (too late, workout closed) go out as dead letters with the {@code stride.dlq.*}
 *       headers, one batch of one sample each.</li>
 *   <li>Ownership (ADR 0012): a workout belongs to the athlete of the record that opened its session, its first
 *       sample or its WorkoutStarted; opening it publishes a {@link WorkoutOwner} claim. A sample of any other user
 *       goes out as a dead letter {@value #REASON_FOREIGN} with its ids only (no position, no measurements), a
 *       lifecycle or tag event of any other user as a dead letter of the event; both are sealed for that user,
 *       counted in {@value #FOREIGN_RECORDS_METRIC}{topic} and change nothing.</li>
 *   <li>Sweep, every {@link LiveSettings#sweepEvery()} of wall-clock time over the task's sessions: a workout whose
 *       device sent nothing for the grace period has its reorder buffer applied; a closed workout without samples
 *       for {@link LiveSettings#retireClosedAfter()} is {@link LiveSession#retire() retired} and its owner claim
 *       released; a workout of an erased user (global {@link LiveWorkoutTopology#ERASED_USERS_STORE}) has its
 *       session deleted, and tombstones published for its live state and its owner claim.</li>
 *   <li>Ending (ADR 0013): a WorkoutCompletionRequested closes the workout (its reorder buffer applied for good)
 *       and the final WorkoutUpdated carries {@code finalFigures}: every figure and the track recorded in
 *       {@link LiveWorkoutTopology#TRACK_STORE} (a point at most every {@link LiveSettings#trackEvery()} of event
 *       time, thinned to {@link LiveSettings#maxTrackPoints()}), from which the workouts service records
 *       WorkoutCompleted. A workout without samples for {@link LiveSettings#abandonAfter()} of wall-clock time is
 *       finished the same way by the sweep, as {@code ABANDONED}. A closed workout's track is deleted.</li>
 *   <li>A lifecycle event that changes nothing (a replayed WorkoutCompleted, a pause of a closed workout) publishes
 *       nothing.</li>
 *   <li>Records of an erased user are discarded: counted in {@code processors.erased-user-records{topic}} and logged
 *       at DEBUG with ids only, never dead-lettered (that would keep the personal data).</li>
 * </ul>
 */
final class LiveWorkoutProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    static final String REASON_LATE = "late_sample";
    static final String REASON_CLOSED = "workout_closed";
    static final String REASON_FOREIGN = "foreign_workout";
    static final String FOREIGN_RECORDS_METRIC = "processors.foreign-workout-records";
    /**
     * Forwarded in place of a {@link WorkoutOwner} to release a claim: the owners branch writes it as a tombstone (a
     * plain null would go to the live-state branch). Compared by identity, never serialized.
     */
    static final WorkoutOwner RELEASED_OWNER = new WorkoutOwner();
    static final String ERASED_RECORDS_METRIC = DeadLetterHandler.ERASED_RECORDS_METRIC;

    private static final Logger LOG = Logger.getLogger(LiveWorkoutProcessor.class);

    private final LiveSettings settings;
    private final Clock clock;
    static final int MAX_LIVE_SESSIONS = 4096;

    /** Workouts changed since the last publication, with the headers of the record that changed each last. */
    private final Map<String, Headers> unpublished = new LinkedHashMap<>();
    /**
     * The sessions last read or written, as objects: a sample reads its session here instead of decoding it from
     * the store. Written through (every change is put to the store as well), so the store stays the truth; an
     * entry is dropped when processing fails half-way, and all are dropped whenever the task is (re)initialised,
     * e.g. after an aborted transaction rolled the store back. Least recently used beyond
     * {@link #MAX_LIVE_SESSIONS}.
     */
    private final Map<String, LiveSession> live = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LiveSession> eldest) {
            return size() > MAX_LIVE_SESSIONS;
        }
    };
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, LiveSession> sessions;
    private KeyValueStore<String, List<TrackPoint>> tracks;
    private KeyValueStore<String, UserMetricsUpdated> userMetrics;
    private KeyValueStore<String, UserErased> erasedUsers;

    LiveWorkoutProcessor(LiveSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        live.clear();
        unpublished.clear();
        sessions = context.getStateStore(LiveWorkoutTopology.SESSION_STORE);
        tracks = context.getStateStore(LiveWorkoutTopology.TRACK_STORE);
        userMetrics = context.getStateStore(LiveWorkoutTopology.USER_METRICS_STORE);
        erasedUsers = context.getStateStore(LiveWorkoutTopology.ERASED_USERS_STORE);
        if (coalescing()) {
            // changes committed before a restart but not published yet
            try (KeyValueIterator<String, LiveSession> all = sessions.all()) {
                all.forEachRemaining(entry -> {
                    if (entry.value.hasUnpublishedChange()) {
                        unpublished.put(entry.key, new RecordHeaders());
                    }
                });
            }
            context.schedule(settings.publishEvery(), PunctuationType.WALL_CLOCK_TIME, now -> publishChanged());
        }
        context.schedule(settings.sweepEvery(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void close() {
        live.clear();
        unpublished.clear();
    }

    private LiveSession load(String workoutId) {
        LiveSession session = live.get(workoutId);
        if (session == null) {
            session = sessions.get(workoutId);
            if (session != null) {
                live.put(workoutId, session);
            }
        }
        return session;
    }

    private void store(String workoutId, LiveSession session) {
        appendTrack(workoutId, session);
        sessions.put(workoutId, session);
        live.put(workoutId, session);
    }

    /**
     * Appends the track points the session took since its last store to the track store as one entry keyed
     * {@code <workout id>/<index of its first point>}: an append, never a read and rewrite of earlier points. Points
     * taken again after a failed attempt start at the same index, so their entry replaces itself.
     */
    private void appendTrack(String workoutId, LiveSession session) {
        List<TrackPoint> points = session.drainTrackPoints();
        if (!points.isEmpty()) {
            tracks.put(trackKey(workoutId, points.getFirst().index()), points);
        }
    }

    /** Every point of the workout's recorded track, in order (a point is kept once, should entries overlap). */
    private List<TrackPoint> trackOf(String workoutId) {
        List<TrackPoint> points = new ArrayList<>();
        try (KeyValueIterator<String, List<TrackPoint>> entries = tracks.range(workoutId + "/", workoutId + "/~")) {
            entries.forEachRemaining(entry -> {
                for (TrackPoint point : entry.value) {
                    if (points.isEmpty() || point.index() > points.getLast().index()) {
                        points.add(point);
                    }
                }
            });
        }
        return points;
    }

    private void deleteTrack(String workoutId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, List<TrackPoint>> entries = tracks.range(workoutId + "/", workoutId + "/~")) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(tracks::delete);
    }

    /** {@code <workout id>/<first index>}, the index zero-padded so that the keys sort in track order. */
    private static String trackKey(String workoutId, long firstIndex) {
        String index = Long.toString(firstIndex);
        return workoutId + "/" + "0".repeat(Math.max(0, 12 - index.length())) + index;
    }

    private boolean coalescing() {
        return settings.publishEvery().isPositive();
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        try {
            fold(record);
        } catch (RuntimeException e) {
            // the object may be changed half-way: the store's copy is the truth
            live.remove(record.key());
            throw e;
        }
    }

    private void fold(Record<String, SpecificRecord> record) {
        UUID user = userOf(record.value());
        if (user != null && isErased(user)) {
            discardErased(record, user);
            return;
        }
        LiveSession session = load(record.key());
        if (session != null && user != null && !(record.value() instanceof TelemetrySampleBatch)
                && !session.belongsTo(user)) {
            foreignEvent(record, user, session.userId());
            return;
        }
        switch (record.value()) {
            case TelemetrySampleBatch batch -> onSamples(record, batch.getSamples(), session);
            case WorkoutStarted started -> {
                LiveSession opened = session;
                if (opened == null) {
                    opened = LiveSession.open(started.getData().getWorkoutId(), started.getData().getUserId());
                    opened.received(context.currentSystemTimeMs());
                    claim(record, opened, started.getTimestamp());
                }
                opened.started(started.getData().getUserId(), AvroMapping.toDomain(started.getData().getSportType()));
                store(record.key(), opened);
            }
            case WorkoutPaused paused when session != null && session.status() == LiveSession.Status.ACTIVE -> {
                session.paused(paused.getData().getPausedAt());
                publishNow(record, session);
            }
            case WorkoutResumed resumed when session != null && session.status() == LiveSession.Status.PAUSED -> {
                session.resumed(resumed.getData().getResumedAt());
                publishNow(record, session);
            }
            case WorkoutCompletionRequested requested -> {
                LiveSession ending = session;
                if (ending == null) {
                    // a workout this instance never saw (nothing of it is kept): it ends without figures
                    ending = LiveSession.open(requested.getData().getWorkoutId(), requested.getData().getUserId());
                    ending.received(context.currentSystemTimeMs());
                    claim(record, ending, requested.getData().getEndTime());
                }
                if (!ending.isClosed()) {
                    ending.closed(LiveSession.Status.COMPLETED, athlete(ending), settings);
                    publishNow(record, ending, new Ending(EndReason.COMPLETED, requested.getData().getEndTime()));
                }
            }
            case WorkoutCompleted completed when session != null && !session.isClosed() -> {
                session.closed(LiveSession.Status.COMPLETED, athlete(session), settings);
                publishNow(record, session, new Ending(EndReason.COMPLETED, completed.getData().getEndTime()));
            }
            case WorkoutCancelled cancelled when session != null && !session.isClosed() -> {
                session.closed(LiveSession.Status.CANCELLED, athlete(session), settings);
                publishNow(record, session);
            }
            // the aggregate's edit of the sport (an athlete's, an import's): the calories follow it
            case WorkoutUpdated updated when session != null && !session.isClosed()
                    && updated.getData().getSource() == UpdateSource.ATHLETE
                    && updated.getData().getSportType() != null -> {
                session.sportIs(AvroMapping.toDomain(updated.getData().getSportType()));
                store(record.key(), session);
            }
            // any other WorkoutUpdated is this processor's own output read back; tags do not change live figures
            default -> {
            }
        }
    }

    private void onSamples(Record<String, SpecificRecord> record, List<TelemetrySample> samples,
            LiveSession existing) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a telemetry batch without samples");
        }
        LiveSession session = existing;
        if (session == null) {
            TelemetrySample first = samples.getFirst();
            session = LiveSession.open(first.getWorkoutId(), first.getUserId());
            claim(record, session, first.getRecordedAt());
        }
        session.received(context.currentSystemTimeMs());
        Athlete athlete = athlete(session);
        int accepted = 0;
        boolean late = false;
        for (TelemetrySample sample : samples) {
            switch (session.offer(AvroMapping.toDomain(sample), athlete, settings)) {
                case LiveSession.Accepted ok -> accepted++;
                case LiveSession.Duplicate duplicate -> {
                    // a device resend: already counted, nothing changes
                }
                case LiveSession.TooLate tooLate -> {
                    late = true;
                    deadLetter(record, sample, REASON_LATE + ": " + tooLate.behindMillis()
                            + " ms behind the newest sample, older than one already applied");
                }
                case LiveSession.Closed closed -> deadLetter(record, sample,
                        REASON_CLOSED + ": workout " + closed.status().name().toLowerCase(Locale.ROOT));
                case LiveSession.Foreign foreign -> foreignSample(record, sample, foreign.owner());
            }
        }
        if (accepted > 0 && coalescing()) {
            session.changed();
            unpublished.put(record.key(), new RecordHeaders(record.headers().toArray()));
            store(record.key(), session);
        } else if (accepted > 0) {
            publishNow(record, session);
        } else if (late) {
            store(record.key(), session);
        }
    }

    /**
     * Publishes who the workout just opened belongs to (ADR 0012), at the event time of the record that opened it,
     * with that record's headers but not its seal (the claim holds ids only and is written plain).
     */
    private void claim(Record<String, SpecificRecord> record, LiveSession session, Instant at) {
        WorkoutOwner owner = new WorkoutOwner(session.workoutId(), session.userId(), at);
        context.forward(new Record<>(record.key(), (SpecificRecord) owner, context.currentSystemTimeMs(),
                plainHeaders(record.headers())));
    }

    /**
     * A sample of another athlete than the workout's owner: a dead letter that keeps its ids, sequence number and
     * times but none of its measurements (the owner's workout is not the place to keep another athlete's position).
     */
    private void foreignSample(Record<String, SpecificRecord> record, TelemetrySample sample, UUID owner) {
        TelemetrySample idsOnly = new TelemetrySample();
        idsOnly.setDeviceId(sample.getDeviceId());
        idsOnly.setWorkoutId(sample.getWorkoutId());
        idsOnly.setUserId(sample.getUserId());
        idsOnly.setSequenceNumber(sample.getSequenceNumber());
        idsOnly.setRecordedAt(sample.getRecordedAt());
        idsOnly.setReceivedAt(sample.getReceivedAt());
        countForeign(record, sample.getUserId(), owner);
        deadLetter(record, idsOnly, REASON_FOREIGN + ": the workout belongs to another athlete");
    }

    /** A lifecycle or tag event of another athlete than the workout's owner: the event itself as a dead letter. */
    private void foreignEvent(Record<String, SpecificRecord> record, UUID user, UUID owner) {
        countForeign(record, user, owner);
        context.forward(record.withHeaders(deadLetterHeaders(record,
                REASON_FOREIGN + ": the workout belongs to another athlete"))
                .withTimestamp(context.currentSystemTimeMs()));
    }

    private void countForeign(Record<String, SpecificRecord> record, UUID user, UUID owner) {
        String topic = context.recordMetadata()
                .map(metadata -> metadata.topic())
                .orElse("unknown");
        Metrics.counter(FOREIGN_RECORDS_METRIC, "topic", topic).increment();
        LOG.debugf("refused a record of user %s for workout %s of user %s (topic %s)", user, record.key(), owner,
                topic);
    }

    private Athlete athlete(LiveSession session) {
        return session.userId() == null ? Athlete.UNKNOWN
                : AvroMapping.toDomain(userMetrics.get(session.userId().toString()));
    }

    /** Publishes at once, with the triggering record's headers; the change is no longer pending. */
    private void publishNow(Record<String, SpecificRecord> trigger, LiveSession session) {
        publishNow(trigger, session, null);
    }

    private void publishNow(Record<String, SpecificRecord> trigger, LiveSession session, Ending ending) {
        unpublished.remove(trigger.key());
        publish(trigger.headers(), trigger.key(), session, ending);
    }

    /** The punctuation: one live state per workout changed since the last one. */
    private void publishChanged() {
        try {
            for (Map.Entry<String, Headers> changed : unpublished.entrySet()) {
                String workoutId = changed.getKey();
                LiveSession session = load(workoutId);
                if (session != null && session.hasUnpublishedChange()
                        && (session.userId() == null || !isErased(session.userId()))) {
                    publish(changed.getValue(), workoutId, session, null);
                }
            }
        } catch (RuntimeException e) {
            live.clear();
            throw e;
        }
        unpublished.clear();
    }

    /** How a workout was finished: why, and at what time (ADR 0013). */
    private record Ending(EndReason reason, Instant endedAt) {
    }

    /**
     * Forwards the live state (and a WorkoutUpdated when due) and stores the session as published. Outputs carry
     * {@code headers} and the wall-clock time: event time lives in the payloads, so an imported workout from years
     * ago is not deleted by the topics' time-based retention at once. When {@code ending} is given (the session was
     * just completed), the final WorkoutUpdated carries the final figures and the track, and the track store forgets
     * the workout; a closed workout's track is not kept in any case.
     */
    private void publish(Headers headers, String workoutId, LiveSession session, Ending ending) {
        long now = context.currentSystemTimeMs();
        Headers plain = plainHeaders(headers);
        if (session.hasSamples()) {
            LiveFigures figures = session.view(athlete(session), settings);
            context.forward(new Record<>(workoutId, (SpecificRecord) AvroMapping.toAvro(figures, clock.instant()), now,
                    plain));
            if (session.updateDue(figures, settings)) {
                WorkoutUpdated update = AvroMapping.toWorkoutUpdated(figures, session.updatesEmitted());
                if (ending != null) {
                    appendTrack(workoutId, session);
                    update.getData().setFinalFigures(AvroMapping.toFinalFigures(figures, ending.reason(),
                            ending.endedAt(), trackOf(workoutId), settings.maxTrackPoints()));
                }
                context.forward(new Record<>(workoutId, (SpecificRecord) update, now, plain));
            }
        } else if (ending != null) {
            // no sample ever arrived: the workout still ends, with nothing measured
            WorkoutUpdated update = AvroMapping.toWorkoutUpdated(session.workoutId(), session.userId(),
                    ending.endedAt(), 0.0, null, null, session.updatesEmitted());
            update.getData().setFinalFigures(AvroMapping.toFinalFigures(null, ending.reason(), ending.endedAt(),
                    List.of(), settings.maxTrackPoints()));
            context.forward(new Record<>(workoutId, (SpecificRecord) update, now, plain));
        }
        session.published();
        if (session.isClosed()) {
            session.drainTrackPoints();
            deleteTrack(workoutId);
        }
        store(workoutId, session);
    }

    /** The sweep: applies the buffers of quiet devices, retires closed workouts, deletes erased users' sessions. */
    private void sweep(long now) {
        List<KeyValue<String, LiveSession>> flushed = new ArrayList<>();
        List<KeyValue<String, UUID>> erased = new ArrayList<>();
        List<String> released = new ArrayList<>();
        List<String> abandoned = new ArrayList<>();
        try (KeyValueIterator<String, LiveSession> all = sessions.all()) {
            while (all.hasNext()) {
                KeyValue<String, LiveSession> entry = all.next();
                LiveSession session = entry.value;
                if (session.userId() != null && isErased(session.userId())) {
                    erased.add(KeyValue.pair(entry.key, session.userId()));
                } else if (session.retirable(now, settings)) {
                    flushed.add(KeyValue.pair(entry.key, session.retire()));
                    released.add(entry.key);
                } else if (session.abandonable(now, settings)) {
                    abandoned.add(entry.key);
                } else if (session.flushIfIdle(now, athlete(session), settings)) {
                    flushed.add(entry);
                }
            }
        }
        for (KeyValue<String, LiveSession> entry : flushed) {
            store(entry.key, entry.value);
        }
        for (String workoutId : released) {
            context.forward(new Record<>(workoutId, (SpecificRecord) RELEASED_OWNER, now));
        }
        for (String workoutId : abandoned) {
            LiveSession session = load(workoutId);
            session.closed(LiveSession.Status.COMPLETED, athlete(session), settings);
            Instant endedAt = session.lastAppliedAt() != null ? session.lastAppliedAt() : Instant.ofEpochMilli(now);
            unpublished.remove(workoutId);
            publish(new RecordHeaders(), workoutId, session, new Ending(EndReason.ABANDONED, endedAt));
            LOG.debugf("finished workout %s as abandoned: no sample for %s", workoutId, settings.abandonAfter());
        }
        for (KeyValue<String, UUID> entry : erased) {
            sessions.delete(entry.key);
            deleteTrack(entry.key);
            live.remove(entry.key);
            unpublished.remove(entry.key);
            context.forward(new Record<>(entry.key, null, now));
            context.forward(new Record<>(entry.key, (SpecificRecord) RELEASED_OWNER, now));
            LOG.debugf("deleted the live session of workout %s: user %s was erased", entry.key, entry.value);
        }
    }

    private boolean isErased(UUID user) {
        return erasedUsers.get(user.toString()) != null;
    }

    private void discardErased(Record<String, SpecificRecord> record, UUID user) {
        String topic = context.recordMetadata()
                .map(metadata -> metadata.topic())
                .orElse("unknown");
        Metrics.counter(ERASED_RECORDS_METRIC, "topic", topic).increment();
        LOG.debugf("discarded a record of erased user %s (workout %s, topic %s)", user, record.key(), topic);
    }

    /** The user a record belongs to, when it names one. */
    private static UUID userOf(SpecificRecord value) {
        return switch (value) {
            case TelemetrySampleBatch batch -> batch.getSamples().isEmpty() ? null
                    : batch.getSamples().getFirst().getUserId();
            case WorkoutStarted started -> started.getData().getUserId();
            case WorkoutPaused paused -> paused.getData().getUserId();
            case WorkoutResumed resumed -> resumed.getData().getUserId();
            case WorkoutCompleted completed -> completed.getData().getUserId();
            case WorkoutCancelled cancelled -> cancelled.getData().getUserId();
            case WorkoutTagAdded tagged -> tagged.getData().getUserId();
            case WorkoutCompletionRequested requested -> requested.getData().getUserId();
            default -> null;
        };
    }

    private void deadLetter(Record<String, SpecificRecord> record, TelemetrySample sample, String reason) {
        SpecificRecord letter = new TelemetrySampleBatch(List.of(sample));
        context.forward(record.withValue(letter).withHeaders(deadLetterHeaders(record, reason))
                .withTimestamp(context.currentSystemTimeMs()));
    }

    /** The source's headers (correlation id) with the dead-letter headers added. */
    private Headers deadLetterHeaders(Record<String, SpecificRecord> record, String reason) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHandler.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHandler.STAGE_HEADER, "processing".getBytes(StandardCharsets.UTF_8));
        String source = context.recordMetadata()
                .map(metadata -> metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset())
                .orElse("unknown");
        headers.add(DeadLetterHandler.SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** A copy of {@code headers} without the seal's: for an output written plain. */
    private static Headers plainHeaders(Headers headers) {
        Headers plain = new RecordHeaders(headers.toArray());
        plain.remove(SealedSerde.SEALED_FOR_HEADER);
        return plain;
    }
}
