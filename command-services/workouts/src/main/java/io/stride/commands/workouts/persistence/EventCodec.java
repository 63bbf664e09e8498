package io.stride.commands.workouts.persistence;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.stride.commands.workouts.domain.WorkoutEvent;

/**
 * The event store's JSON: each domain event record as a JSON object of its components (camelCase, instants as ISO-8601
 * strings), tagged by {@code event_type} and {@code payload_version} in its row. Its own mapper, independent of the
 * REST one (snake_case), so that an API convention never changes stored events. A change of a record's shape raises
 * {@link #PAYLOAD_VERSION} and adds the upcast of older rows here.
 */
public final class EventCodec {

    /** The shape of the payloads written now. */
    public static final int PAYLOAD_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<? extends WorkoutEvent>> TYPES = Map.of(
            "WorkoutStarted", WorkoutEvent.Started.class,
            "WorkoutUpdated", WorkoutEvent.Updated.class,
            "WorkoutPaused", WorkoutEvent.Paused.class,
            "WorkoutResumed", WorkoutEvent.Resumed.class,
            "WorkoutCompletionRequested", WorkoutEvent.CompletionRequested.class,
            "WorkoutCompleted", WorkoutEvent.Completed.class,
            "WorkoutCancelled", WorkoutEvent.Cancelled.class,
            "WorkoutTagAdded", WorkoutEvent.TagAdded.class);

    private EventCodec() {
    }

    /** The event's JSON. */
    public static String encode(WorkoutEvent event) {
        return write(event);
    }

    /** The event a row holds. */
    public static WorkoutEvent decode(String type, int payloadVersion, String payload) {
        Class<? extends WorkoutEvent> target = TYPES.get(type);
        if (target == null || payloadVersion != PAYLOAD_VERSION) {
            throw new IllegalStateException("unknown stored event " + type + " v" + payloadVersion);
        }
        return read(payload, target);
    }

    /** Any value as JSON with the store's conventions (stored idempotency outcomes). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A value written by {@link #write}. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored " + type.getSimpleName(), e);
        }
    }
}
