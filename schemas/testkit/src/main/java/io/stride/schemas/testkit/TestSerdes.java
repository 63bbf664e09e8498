package io.stride.schemas.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.stride.schemas.TopicSpec;
import io.stride.schemas.Topics;

/**
 * Registry-less Avro serdes for {@code TopologyTestDriver} and other broker-less tests. They never talk to a
 * schema registry and their bytes carry no registry framing, so they are only for tests: production code gets its
 * serdes from its {@code *Serdes} bean (Apicurio).
 *
 * <ul>
 *   <li>{@link #specific(Class)}: plain Avro binary of exactly one generated record class.</li>
 *   <li>{@link #workoutEvents()}: any event of {@link Topics#WORKOUT_EVENTS}; each value is the record's full name
 *       as an Avro string (the type tag) followed by its plain Avro binary.</li>
 * </ul>
 * {@code null} serializes to {@code null} and back (tombstones). Decoding fails with a
 * {@link SerializationException} on bytes that are not one whole record of the expected type.
 */
public final class TestSerdes {

    private TestSerdes() {
    }

    /** A serde writing plain Avro binary (no magic byte, no schema id) of {@code type}, reading it back. */
    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type) {
        var codec = new Codec<>(type);
        return Serdes.serdeFrom(
                (topic, record) -> record == null ? null : codec.encode(record),
                (topic, bytes) -> bytes == null ? null : codec.decode(bytes));
    }

    /**
     * A serde for the Workout aggregate's events: every record {@link Topics#WORKOUT_EVENTS} lists in the
     * catalogue, so an event type added there is covered without touching the tests.
     */
    public static Serde<SpecificRecord> workoutEvents() {
        TopicSpec topic = Topics.catalogue().stream()
                .filter(spec -> spec.name().equals(Topics.WORKOUT_EVENTS))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(Topics.WORKOUT_EVENTS + " is not in the catalogue"));
        return tagged(topic.valueSchemas().stream()
                .map(TestSerdes::generatedClass)
                .toList());
    }

    /**
     * A serde for values that may be any of {@code types}, as on a topic with several record types: the record's
     * full name as an Avro string, then its plain Avro binary.
     */
    public static Serde<SpecificRecord> tagged(List<Class<? extends SpecificRecord>> types) {
        var codecs = new LinkedHashMap<String, Codec<? extends SpecificRecord>>();
        for (Class<? extends SpecificRecord> type : types) {
            var codec = new Codec<>(type);
            codecs.put(codec.schema.getFullName(), codec);
        }
        var byName = Map.copyOf(codecs);
        return Serdes.serdeFrom(
                (topic, record) -> record == null ? null : encodeTagged(byName, record),
                (topic, bytes) -> bytes == null ? null : decodeTagged(byName, bytes));
    }

    private static byte[] encodeTagged(Map<String, Codec<? extends SpecificRecord>> codecs, SpecificRecord record) {
        String name = record.getSchema().getFullName();
        Codec<? extends SpecificRecord> codec = codecs.get(name);
        if (codec == null || !codec.type.isInstance(record)) {
            throw new SerializationException("cannot serialize " + name + ": this serde handles "
                    + codecs.keySet());
        }
        var out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            encoder.writeString(name);
            codec.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + name, e);
        }
        return out.toByteArray();
    }

    private static SpecificRecord decodeTagged(Map<String, Codec<? extends SpecificRecord>> codecs, byte[] bytes) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        String name;
        try {
            name = decoder.readString();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("no type tag at the start of the value", e);
        }
        Codec<? extends SpecificRecord> codec = codecs.get(name);
        if (codec == null) {
            throw new SerializationException("unknown type tag " + name + ": this serde handles " + codecs.keySet());
        }
        return codec.read(decoder);
    }

    private static Class<? extends SpecificRecord> generatedClass(String fullName) {
        try {
            return Class.forName(fullName).asSubclass(SpecificRecord.class);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("no generated record class " + fullName, e);
        }
    }

    /** Plain Avro binary of one generated class, with the class's own logical-type conversions. */
    private static final class Codec<T extends SpecificRecord> {

        private final Class<T> type;
        private final Schema schema;
        private final DatumWriter<T> writer;
        private final DatumReader<T> reader;

        Codec(Class<T> type) {
            SpecificData model = SpecificData.getForClass(type);
            this.type = type;
            this.schema = model.getSchema(type);
            this.writer = new SpecificDatumWriter<>(schema, model);
            this.reader = new SpecificDatumReader<>(schema, schema, model);
        }

        byte[] encode(T record) {
            var out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            try {
                writer.write(record, encoder);
                encoder.flush();
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot serialize " + schema.getFullName(), e);
            }
            return out.toByteArray();
        }

        T decode(byte[] bytes) {
            return read(DecoderFactory.get().binaryDecoder(bytes, null));
        }

        void write(SpecificRecord record, BinaryEncoder encoder) throws IOException {
            writer.write(type.cast(record), encoder);
        }

        T read(BinaryDecoder decoder) {
            T record;
            boolean wholeValueRead;
            try {
                record = reader.read(null, decoder);
                wholeValueRead = decoder.isEnd();
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot deserialize a " + schema.getFullName(), e);
            }
            if (!wholeValueRead) {
                throw new SerializationException("trailing bytes after a " + schema.getFullName());
            }
            return record;
        }
    }
}
