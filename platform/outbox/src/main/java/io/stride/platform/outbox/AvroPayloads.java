package io.stride.platform.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro single-object encoding (magic bytes, schema fingerprint, binary body) of generated records, with each class's
 * own model (logical types included). A payload written with another version of a schema fails to decode loudly
 * instead of being misread.
 */
public final class AvroPayloads {

    private static final Map<String, BinaryMessageDecoder<?>> DECODERS = new ConcurrentHashMap<>();

    private AvroPayloads() {
    }

    /** The encoded record. */
    public static byte[] encode(SpecificRecord record) {
        if (!(record instanceof SpecificRecordBase base)) {
            throw new IllegalArgumentException("not a generated Avro record: " + record.getClass().getName());
        }
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<SpecificRecord>(base.getSpecificData(), record.getSchema())
                    .encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a payload written by {@link #encode} for the generated class {@code schemaName}. */
    public static SpecificRecord decode(String schemaName, byte[] payload) {
        BinaryMessageDecoder<?> decoder = DECODERS.computeIfAbsent(schemaName, AvroPayloads::decoderOf);
        try {
            return (SpecificRecord) decoder.decode(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BinaryMessageDecoder<?> decoderOf(String schemaName) {
        try {
            Class<?> type = Class.forName(schemaName, true, Thread.currentThread().getContextClassLoader());
            return (BinaryMessageDecoder<?>) type.getMethod("getDecoder").invoke(null);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("no generated Avro class " + schemaName, e);
        }
    }
}
