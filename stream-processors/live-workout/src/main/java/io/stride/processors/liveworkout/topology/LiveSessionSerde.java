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
import io.stride.processors.liveworkout.domain.LiveSessionCodec;

/**
 * The session store's value serde: the compact binary {@link LiveSessionCodec} (versioned; read and written once per
 * sample, where JSON cost about 100 µs for a session with a full reorder buffer). Internal to this application (the
 * store and its changelog), so it is not an Avro contract. Sessions stored by the first release, as JSON (fields, not
 * accessors; they start with '{'), are still read, and written back in the binary format.
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
            return LiveSessionCodec.encode(session);
        };
    }

    @Override
    public Deserializer<LiveSession> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return LiveSessionCodec.isBinary(bytes) ? LiveSessionCodec.decode(bytes)
                        : MAPPER.readValue(bytes, LiveSession.class);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read live session", e);
            }
        };
    }
}
