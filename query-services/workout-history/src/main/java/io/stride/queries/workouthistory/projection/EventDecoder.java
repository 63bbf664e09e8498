package io.stride.queries.workouthistory.projection;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

import io.stride.platform.kafka.UserKeyring;
import io.stride.queries.workouthistory.mapping.ContractEvents;
import io.stride.queries.workouthistory.mapping.WorkoutEvent;

/**
 * Opens and reads one record of {@code workouts.workout-events}: sealed with its athlete's telemetry key (ADR 0010) or
 * written before sealing. Blocking: the key of an athlete not seen yet is waited for briefly.
 */
final class EventDecoder {

    private final Deserializer<SpecificRecord> events;

    /** @param events the sealed registry deserializer of every Workout event type */
    EventDecoder(Deserializer<SpecificRecord> events) {
        this.events = events;
    }

    /** What a record turned out to be. */
    sealed interface Decoded {

        ConsumerRecord<String, byte[]> record();

        /** An event the read models apply. */
        record Event(ConsumerRecord<String, byte[]> record, WorkoutEvent event) implements Decoded {
        }

        /** A record the read models do not use (live progress, a record type this build does not know). */
        record Ignored(ConsumerRecord<String, byte[]> record) implements Decoded {
        }

        /** Sealed for an athlete whose key was shredded: the athlete was erased; skipped and counted. */
        record Erased(ConsumerRecord<String, byte[]> record) implements Decoded {
        }

        /** Cannot be read (corrupt, unknown key, not a Workout event, key and payload disagree): dead-lettered. */
        record Unreadable(ConsumerRecord<String, byte[]> record, String reason) implements Decoded {
        }
    }

    /**
     * Decodes a record.
     *
     * @throws DependencyFailure the registry or the keys could not be reached: not the record's fault, retried
     */
    Decoded decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return new Decoded.Ignored(record);
        }
        SpecificRecord value;
        try {
            value = events.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (anyCause(e, UserKeyring.ShreddedKey.class::isInstance)) {
                return new Decoded.Erased(record);
            }
            if (anyCause(e, t -> t instanceof IOException || t instanceof TimeoutException)) {
                throw new DependencyFailure(e);
            }
            return new Decoded.Unreadable(record, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            return ContractEvents.toEvent(value)
                    .<Decoded>map(event -> event.workoutId().equals(record.key())
                            ? new Decoded.Event(record, event)
                            : new Decoded.Unreadable(record, "the record key is not the event's workout id"))
                    .orElseGet(() -> new Decoded.Ignored(record));
        } catch (RuntimeException e) {
            return new Decoded.Unreadable(record, "not a readable Workout event: " + e.getClass().getSimpleName());
        }
    }

    private static boolean anyCause(Throwable exception, Predicate<Throwable> test) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** The registry or the keys topic could not be read: the batch is retried, nothing is dead-lettered. */
    static final class DependencyFailure extends RuntimeException {

        DependencyFailure(Throwable cause) {
            super("a dependency of event decoding failed: " + cause.getMessage(), cause);
        }
    }
}
