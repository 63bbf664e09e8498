package io.stride.queries.workouthistory.projection;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.stride.platform.kafka.DeadLetterSender;
import io.stride.queries.workouthistory.config.WorkoutHistoryConfig;

/** The projection's plain parts, built from configuration. */
@ApplicationScoped
class ProjectionBeans {

    @Produces
    @Singleton
    EventDecoder decoder(Deserializer<SpecificRecord> workoutEvents) {
        return new EventDecoder(workoutEvents);
    }

    /** Records the projection cannot apply, to {@code workouts.workout-events.dlq} with their reason. */
    @Produces
    @Singleton
    DeadLetterSender deadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new DeadLetterSender(bootstrapServers, "workout-history-dlq");
    }

    void close(@Disposes DeadLetterSender deadLetters) {
        deadLetters.close();
    }

    @Produces
    @Singleton
    WorkoutProjector projector(WorkoutHistoryConfig config, ObjectMapper json, Clock clock) {
        return new WorkoutProjector(new WorkoutFold(config.coordinatesRetention()), json, clock);
    }
}
