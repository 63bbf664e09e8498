package io.stride.platform.workoutfacts;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.UserKeyring;

/** The Workout events' serde as the counting processors read them: sealed with their athletes' keys (ADR 0010). */
public final class WorkoutEventSerdes {

    private WorkoutEventSerdes() {
    }

    /**
     * {@code events} sealed with the athletes' telemetry keys: read sealed (or, written before sealing, plain); the
     * dead letters written sealed.
     */
    public static Serde<SpecificRecord> sealed(Serde<SpecificRecord> events, UserKeyring keyring) {
        return new SealedSerde<>(events, keyring, WorkoutEventSerdes::userOfEvent);
    }

    /** Every Workout event's {@code data} names the athlete ({@code userId}). */
    static String userOfEvent(SpecificRecord event) {
        SpecificRecord data = (SpecificRecord) event.get(event.getSchema().getField("data").pos());
        return data.get(data.getSchema().getField("userId").pos()).toString();
    }
}
