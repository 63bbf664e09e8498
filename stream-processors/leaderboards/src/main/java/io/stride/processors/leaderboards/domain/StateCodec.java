package io.stride.processors.leaderboards.domain;

import static io.stride.platform.workoutfacts.BinaryFormat.read;
import static io.stride.platform.workoutfacts.BinaryFormat.readNullable;
import static io.stride.platform.workoutfacts.BinaryFormat.write;
import static io.stride.platform.workoutfacts.BinaryFormat.writeNullable;

import java.nio.charset.StandardCharsets;

import io.stride.platform.workoutfacts.BinaryFormat;

/**
 * What the leaderboards keep of their own in the processors' {@link BinaryFormat}: an athlete's totals and what the
 * boards know of an athlete (the workouts' entries and facts are {@link io.stride.platform.workoutfacts.FactCodec}'s).
 */
public final class StateCodec {

    static final byte VERSION = BinaryFormat.VERSION;

    private StateCodec() {
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
}
