package io.stride.platform.workoutfacts;

import static io.stride.platform.workoutfacts.BinaryFormat.read;
import static io.stride.platform.workoutfacts.BinaryFormat.readInstant;
import static io.stride.platform.workoutfacts.BinaryFormat.readNullable;
import static io.stride.platform.workoutfacts.BinaryFormat.write;
import static io.stride.platform.workoutfacts.BinaryFormat.writeInstant;
import static io.stride.platform.workoutfacts.BinaryFormat.writeNullable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * Workout entries and facts in the {@link BinaryFormat}: a fact on its way to its athlete's task, an entry in a store.
 * Version 2 is an entry with what a workout in progress needs (its start and its latest progress) after the fields of
 * version 1, which is still read.
 */
public final class FactCodec {

    static final byte VERSION = BinaryFormat.VERSION;
    static final byte ENTRY_VERSION = 2;
    private static final byte COMPLETED = 1;
    private static final byte SPORT_CHANGED = 2;
    private static final byte CANCELLED = 3;
    private static final byte STARTED = 4;
    private static final byte PROGRESSED = 5;

    private FactCodec() {
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
}
