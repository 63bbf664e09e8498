package io.stride.processors.liveworkout.topology;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.stride.processors.liveworkout.domain.LiveSession;

/**
 * The session store's value serde: the domain state as JSON (fields, not accessors). Internal to this application
 * (the store and its changelog), so it is not an Avro contract; unknown fields are ignored so that fields can be
 * added without resetting state.
 */
final class LiveSessionSerde implements Serde<LiveSession> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public Serializer<LiveSession> serializer() {
        return (topic, session) -> {
            if (session == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(session);
            } catch (IOException e) {
                throw new SerializationException("cannot write live session", e);
            }
        };
    }

    @Override
    public Deserializer<LiveSession> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, LiveSession.class);
            } catch (IOException e) {
                throw new SerializationException("cannot read live session", e);
            }
        };
    }
}
