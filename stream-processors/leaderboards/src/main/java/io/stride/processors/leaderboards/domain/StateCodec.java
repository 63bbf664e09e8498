package io.stride.processors.leaderboards.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The binary format of what the leaderboards keep and repartition (internal, not a contract): a format version byte,
 * then the fields. A reader refuses a version it does not know. Version 2 is a workout entry with what the live day
 * needs (its start and its latest progress) after the fields of version 1, which is still read.
 */
public final class StateCodec {

    static final byte VERSION = 1;
    static final byte ENTRY_VERSION = 2;
    private static final byte COMPLETED = 1;
    private static final byte SPORT_CHANGED = 2;
    private static final byte CANCELLED = 3;
    private static final byte STARTED = 4;
    private static final byte PROGRESSED = 5;

    private StateCodec() {
    }

    /** A workout's entry. */
    public static byte[] encode(WorkoutEntry entry) {
        return write(ENTRY_VERSION, out -> {
            out.writeByte(entry.status().ordinal());
            writeNullable(out, entry.sport());
            writeInstant(out, entry.sportAt());
            out.writeBoolean(entry.figures() != null);
            if (entry.figures() != null) {
                writeFigures(out, entry.figures());
            }
            writeInstant(out, entry.figuresAt());
            writeInstant(out, entry.startedAt());
            out.writeLong(entry.liveDecimeters());
            writeInstant(out, entry.liveAt());
        });
    }

    /** A workout's entry. */
    public static WorkoutEntry decodeEntry(byte[] bytes) {
        return read(bytes, ENTRY_VERSION, (in, version) -> {
            WorkoutEntry.Status status = WorkoutEntry.Status.values()[in.readByte()];
            String sport = readNullable(in);
            Instant sportAt = readInstant(in);
            Figures figures = in.readBoolean() ? readFigures(in) : null;
            Instant figuresAt = readInstant(in);
            if (version == VERSION) {
                return new WorkoutEntry(status, sport, sportAt, figures, figuresAt, null, 0, null);
            }
            return new WorkoutEntry(status, sport, sportAt, figures, figuresAt, readInstant(in), in.readLong(),
                    readInstant(in));
        });
    }

    /** An athlete's totals in one bucket. */
    public static byte[] encode(Totals totals) {
        return write(out -> {
            for (int i = 0; i < totals.values().length; i++) {
                out.writeLong(totals.values()[i]);
                out.writeLong(totals.reachedAtMillis()[i]);
            }
        });
    }

    /** An athlete's totals in one bucket. */
    public static Totals decodeTotals(byte[] bytes) {
        return read(bytes, in -> {
            int metrics = Metric.values().length;
            long[] values = new long[metrics];
            long[] reached = new long[metrics];
            for (int i = 0; i < metrics; i++) {
                values[i] = in.readLong();
                reached[i] = in.readLong();
            }
            return new Totals(values, reached);
        });
    }

    /** What the boards know of an athlete. */
    public static byte[] encode(Athlete athlete) {
        return write(out -> {
            writeNullable(out, athlete.zoneId());
            writeNullable(out, athlete.displayName());
            out.writeBoolean(athlete.hidden());
            out.writeBoolean(athlete.erased());
        });
    }

    /**
     * What the boards know of an athlete. Stores written before the public profiles held the zone id (or
     * {@code !erased}) as plain UTF-8, whose first byte is never the format version: read as such.
     */
    public static Athlete decodeAthlete(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] != VERSION) {
            String legacy = new String(bytes, StandardCharsets.UTF_8);
            return "!erased".equals(legacy) ? Athlete.ERASED : Athlete.UNKNOWN.withZone(legacy);
        }
        return read(bytes, in -> new Athlete(readNullable(in), readNullable(in), in.readBoolean(), in.readBoolean()));
    }

    /** A fact on its way to its athlete's task. */
    public static byte[] encode(WorkoutFact fact) {
        return write(out -> {
            switch (fact) {
                case WorkoutFact.Completed completed -> {
                    out.writeByte(COMPLETED);
                    writeIds(out, fact);
                    writeNullable(out, completed.sport());
                    writeFigures(out, completed.figures());
                }
                case WorkoutFact.SportChanged changed -> {
                    out.writeByte(SPORT_CHANGED);
                    writeIds(out, fact);
                    out.writeUTF(changed.sport());
                }
                case WorkoutFact.Cancelled cancelled -> {
                    out.writeByte(CANCELLED);
                    writeIds(out, fact);
                }
                case WorkoutFact.Started started -> {
                    out.writeByte(STARTED);
                    writeIds(out, fact);
                    out.writeUTF(started.sport());
                    out.writeLong(started.startedAt().toEpochMilli());
                }
                case WorkoutFact.Progressed progressed -> {
                    out.writeByte(PROGRESSED);
                    writeIds(out, fact);
                    out.writeLong(progressed.distanceDecimeters());
                }
            }
        });
    }

    /** A fact on its way to its athlete's task. */
    public static WorkoutFact decodeFact(byte[] bytes) {
        return read(bytes, in -> {
            byte kind = in.readByte();
            String workoutId = in.readUTF();
            String athleteId = in.readUTF();
            Instant at = Instant.ofEpochMilli(in.readLong());
            return switch (kind) {
                case COMPLETED -> new WorkoutFact.Completed(workoutId, athleteId, at, readNullable(in),
                        readFigures(in));
                case SPORT_CHANGED -> new WorkoutFact.SportChanged(workoutId, athleteId, at, in.readUTF());
                case CANCELLED -> new WorkoutFact.Cancelled(workoutId, athleteId, at);
                case STARTED -> new WorkoutFact.Started(workoutId, athleteId, at, in.readUTF(),
                        Instant.ofEpochMilli(in.readLong()));
                case PROGRESSED -> new WorkoutFact.Progressed(workoutId, athleteId, at, in.readLong());
                default -> throw new IllegalArgumentException("unknown fact kind " + kind);
            };
        });
    }

    private static void writeIds(DataOutputStream out, WorkoutFact fact) throws IOException {
        out.writeUTF(fact.workoutId());
        out.writeUTF(fact.athleteId());
        out.writeLong(fact.at().toEpochMilli());
    }

    private static void writeFigures(DataOutputStream out, Figures figures) throws IOException {
        out.writeLong(figures.startedAt().toEpochMilli());
        out.writeLong(figures.endedAt().toEpochMilli());
        out.writeLong(figures.distanceDecimeters());
        out.writeLong(figures.movingMillis());
        out.writeLong(figures.elevationGainDecimeters());
        out.writeLong(figures.caloriesDeciKcal());
    }

    private static Figures readFigures(DataInputStream in) throws IOException {
        return new Figures(Instant.ofEpochMilli(in.readLong()), Instant.ofEpochMilli(in.readLong()), in.readLong(),
                in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.toEpochMilli());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochMilli(in.readLong()) : null;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private interface VersionedReader<T> {
        T read(DataInputStream in, byte version) throws IOException;
    }

    private static byte[] write(Writer writer) {
        return write(VERSION, writer);
    }

    private static byte[] write(byte version, Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        return read(bytes, VERSION, (in, version) -> reader.read(in));
    }

    /** Reads a value written in a version from {@link #VERSION} to {@code newest}. */
    private static <T> T read(byte[] bytes, byte newest, VersionedReader<T> reader) {
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
