package io.stride.platform.workoutfacts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The processors' internal binary format (not a contract): a format version byte, then the fields written by a
 * {@link Writer}. A reader refuses a version it does not know.
 */
public final class BinaryFormat {

    /** The format's first version, of every value but those that have a newer one. */
    public static final byte VERSION = 1;

    private BinaryFormat() {
    }

    /** Writes the fields. */
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads the fields of the first version. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Reads the fields of the version given. */
    public interface VersionedReader<T> {
        T read(DataInputStream in, byte version) throws IOException;
    }

    public static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    public static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    public static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.toEpochMilli());
        }
    }

    public static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochMilli(in.readLong()) : null;
    }

    public static byte[] write(Writer writer) {
        return write(VERSION, writer);
    }

    public static byte[] write(byte version, Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static <T> T read(byte[] bytes, Reader<T> reader) {
        return read(bytes, VERSION, (in, version) -> reader.read(in));
    }

    /** Reads a value written in a version from {@link #VERSION} to {@code newest}. */
    public static <T> T read(byte[] bytes, byte newest, VersionedReader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version < VERSION || version > newest) {
                throw new IllegalArgumentException("unknown leaderboards state format version " + version);
            }
            return reader.read(in, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
