package io.stride.processors.liveworkout.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compact binary form of a {@link LiveSession} (the session store's value, read and written once per sample).
 *
 * <p>Layout: the marker byte {@link #MARKER}, a format version byte ({@link #VERSION}), then every field in a fixed
 * order; nullable values carry a presence flag; the reorder buffer's device ids are written once, each buffered
 * sample refers to its device by index and omits the workout and user ids when they equal the session's. A reader of version {@code n} reads every version up to {@code n}: a new field is appended at the end
 * with a new version, and older values get its default. A version newer than this reader is refused, never guessed.
 */
public final class LiveSessionCodec {

    /** First byte of every binary session (JSON sessions of the first format start with '{'). */
    public static final byte MARKER = (byte) 0xB5;

    /**
     * Current format version: 2 writes the buffer's device ids once (1 wrote one per buffered sample); 3 appends the
     * GPS-only stop detector (older sessions start it afresh); 4 appends whether the session is retired (older ones
     * are not); 5 appends where the recorded track stands (older sessions start it afresh) and the mechanical work
     * from a power meter (older sessions count it from their next sample); 6 appends the calories counted by the MET
     * method (older sessions recount only those of their next samples when their sport becomes known); 7 appends since
     * when the oldest buffered sample waits after a gap (older sessions start waiting at their next look).
     */
    public static final byte VERSION = 7;

    private static final byte ID_NULL = 0;
    private static final byte ID_SAME = 1;
    private static final byte ID_OWN = 2;

    private LiveSessionCodec() {
    }

    /** Whether these bytes are a binary session (as opposed to the first format's JSON). */
    public static boolean isBinary(byte[] bytes) {
        return bytes.length > 0 && bytes[0] == MARKER;
    }

    /** The session's bytes. */
    public static byte[] encode(LiveSession session) {
        Writer out = new Writer(384 + session.buffer.size() * 72
                + (session.track.window.size() + session.track.smoothedHistory.size()) * 24
                + session.motion.steps.size() * 40);
        out.writeByte(MARKER);
        out.writeByte(VERSION);
        out.writeUuid(session.workoutId);
        out.writeUuid(session.userId);
        out.writeByte((byte) session.sport.ordinal());
        out.writeByte((byte) session.status.ordinal());
        out.writeLong(session.sampleCount);
        out.writeLong(session.lastSequenceNumber);
        out.writeNullableLong(session.firstAppliedAtMillis);
        out.writeNullableLong(session.lastAppliedAtMillis);
        out.writeNullableLong(session.newestSeenAtMillis);
        List<String> devices = new ArrayList<>(2);
        for (Sample sample : session.buffer) {
            if (!devices.contains(sample.deviceId())) {
                devices.add(sample.deviceId());
            }
        }
        out.writeInt(devices.size());
        for (String device : devices) {
            out.writeString(device);
        }
        out.writeInt(session.buffer.size());
        for (Sample sample : session.buffer) {
            writeSample(out, sample, session, devices.indexOf(sample.deviceId()));
        }
        out.writeInt(session.applied.size());
        for (Map.Entry<String, SequenceRanges> entry : session.applied.entrySet()) {
            out.writeString(entry.getKey());
            out.writeInt(entry.getValue().ranges.size());
            for (long[] range : entry.getValue().ranges) {
                out.writeLong(range[0]);
                out.writeLong(range[1]);
            }
        }
        out.writeInt(session.pauses.size());
        for (LiveSession.Pause pause : session.pauses) {
            out.writeLong(pause.fromMillis());
            out.writeNullableLong(pause.toMillis());
        }
        writeTrack(out, session.track);
        out.writeNullableDouble(session.elevation.referenceMeters);
        out.writeDouble(session.elevation.gainMeters);
        out.writeDouble(session.elevation.lossMeters);
        writeStats(out, session.heartRate);
        writeStats(out, session.cadence);
        writeStats(out, session.power);
        out.writeInt(session.zoneMillis.length);
        for (long millis : session.zoneMillis) {
            out.writeLong(millis);
        }
        out.writeInt(session.zoneMaxHeartRateBpm);
        out.writeLong(session.elapsedMillis);
        out.writeLong(session.movingMillis);
        out.writeDouble(session.caloriesKcal);
        out.writeNullableDouble(session.lastDeviceSpeed);
        out.writeInt(session.recentDeviceSpeeds.size());
        for (Double speed : session.recentDeviceSpeeds) {
            out.writeDouble(speed);
        }
        out.writeNullableDouble(session.currentSpeed);
        out.writeLong(session.lateSamples);
        out.writeNullableLong(session.lastUpdateAtMillis);
        out.writeDouble(session.lastUpdateDistanceMeters);
        out.writeLong(session.updatesEmitted);
        out.writeLong(session.lastOfferedAtMillis);
        out.writeByte((byte) (session.unpublished ? 1 : 0));
        writeMotion(out, session.motion);
        out.writeByte((byte) (session.retired ? 1 : 0));
        out.writeNullableLong(session.lastTrackPointAtMillis);
        out.writeLong(session.trackPointCount);
        out.writeDouble(session.workJoules);
        out.writeDouble(session.metCaloriesKcal);
        out.writeNullableLong(session.heldAfterGapSinceMillis);
        return out.toByteArray();
    }

    /** The session these bytes hold; throws {@link IllegalArgumentException} when they are no binary session. */
    public static LiveSession decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.remaining() < 2 || in.get() != MARKER) {
            throw new IllegalArgumentException("not a binary live session");
        }
        byte version = in.get();
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("live session format version " + version + " is newer than "
                    + VERSION + ": this reader cannot read it");
        }
        LiveSession session = new LiveSession();
        session.workoutId = readUuid(in);
        session.userId = readUuid(in);
        session.sport = Sport.values()[in.get()];
        session.status = LiveSession.Status.values()[in.get()];
        session.sampleCount = in.getLong();
        session.lastSequenceNumber = in.getLong();
        session.firstAppliedAtMillis = readNullableLong(in);
        session.lastAppliedAtMillis = readNullableLong(in);
        session.newestSeenAtMillis = readNullableLong(in);
        String[] devices = new String[version >= 2 ? in.getInt() : 0];
        for (int i = 0; i < devices.length; i++) {
            devices[i] = readString(in);
        }
        int buffered = in.getInt();
        session.buffer = new ArrayList<>(buffered + 1);
        for (int i = 0; i < buffered; i++) {
            session.buffer.add(readSample(in, session, devices));
        }
        int appliedDevices = in.getInt();
        session.applied = new HashMap<>();
        for (int i = 0; i < appliedDevices; i++) {
            String device = readString(in);
            SequenceRanges ranges = new SequenceRanges();
            int count = in.getInt();
            for (int r = 0; r < count; r++) {
                ranges.ranges.add(new long[] {in.getLong(), in.getLong()});
            }
            session.applied.put(device, ranges);
        }
        int pauses = in.getInt();
        session.pauses = new ArrayList<>(pauses);
        for (int i = 0; i < pauses; i++) {
            session.pauses.add(new LiveSession.Pause(in.getLong(), readNullableLong(in)));
        }
        session.track = readTrack(in);
        session.elevation = new ElevationHysteresis();
        session.elevation.referenceMeters = readNullableDouble(in);
        session.elevation.gainMeters = in.getDouble();
        session.elevation.lossMeters = in.getDouble();
        session.heartRate = readStats(in);
        session.cadence = readStats(in);
        session.power = readStats(in);
        long[] zones = new long[in.getInt()];
        for (int i = 0; i < zones.length; i++) {
            zones[i] = in.getLong();
        }
        session.zoneMillis = zones.length == HeartRateZones.ZONES ? zones : Arrays.copyOf(zones, HeartRateZones.ZONES);
        session.zoneMaxHeartRateBpm = in.getInt();
        session.elapsedMillis = in.getLong();
        session.movingMillis = in.getLong();
        session.caloriesKcal = in.getDouble();
        session.lastDeviceSpeed = readNullableDouble(in);
        int speeds = in.getInt();
        session.recentDeviceSpeeds = new ArrayList<>(speeds + 1);
        for (int i = 0; i < speeds; i++) {
            session.recentDeviceSpeeds.add(in.getDouble());
        }
        session.currentSpeed = readNullableDouble(in);
        session.lateSamples = in.getLong();
        session.lastUpdateAtMillis = readNullableLong(in);
        session.lastUpdateDistanceMeters = in.getDouble();
        session.updatesEmitted = in.getLong();
        session.lastOfferedAtMillis = in.getLong();
        session.unpublished = in.get() != 0;
        session.motion = version >= 3 ? readMotion(in) : new StopDetector();
        session.retired = version >= 4 && in.get() != 0;
        if (version >= 5) {
            session.lastTrackPointAtMillis = readNullableLong(in);
            session.trackPointCount = in.getLong();
            session.workJoules = in.getDouble();
        }
        if (version >= 6) {
            session.metCaloriesKcal = in.getDouble();
        }
        if (version >= 7) {
            session.heldAfterGapSinceMillis = readNullableLong(in);
        }
        return session;
    }

    private static void writeSample(Writer out, Sample sample, LiveSession session, int device) {
        writeId(out, sample.workoutId(), session.workoutId);
        writeId(out, sample.userId(), session.userId);
        out.writeInt(device);
        out.writeLong(sample.sequenceNumber());
        out.writeLong(sample.recordedAt().getEpochSecond());
        out.writeInt(sample.recordedAt().getNano());
        int present = (sample.position() != null ? 1 : 0)
                | (sample.accuracyMeters() != null ? 2 : 0)
                | (sample.altitudeMeters() != null ? 4 : 0)
                | (sample.heartRateBpm() != null ? 8 : 0)
                | (sample.speedMetersPerSecond() != null ? 16 : 0)
                | (sample.cadenceRpm() != null ? 32 : 0)
                | (sample.powerWatts() != null ? 64 : 0);
        out.writeByte((byte) present);
        if (sample.position() != null) {
            out.writeDouble(sample.position().latitude());
            out.writeDouble(sample.position().longitude());
        }
        if (sample.accuracyMeters() != null) {
            out.writeDouble(sample.accuracyMeters());
        }
        if (sample.altitudeMeters() != null) {
            out.writeDouble(sample.altitudeMeters());
        }
        if (sample.heartRateBpm() != null) {
            out.writeInt(sample.heartRateBpm());
        }
        if (sample.speedMetersPerSecond() != null) {
            out.writeDouble(sample.speedMetersPerSecond());
        }
        if (sample.cadenceRpm() != null) {
            out.writeInt(sample.cadenceRpm());
        }
        if (sample.powerWatts() != null) {
            out.writeInt(sample.powerWatts());
        }
    }

    private static Sample readSample(ByteBuffer in, LiveSession session, String[] devices) {
        UUID workoutId = readId(in, session.workoutId);
        UUID userId = readId(in, session.userId);
        String deviceId = devices.length > 0 ? devices[in.getInt()] : readString(in);
        long sequenceNumber = in.getLong();
        Instant recordedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
        int present = in.get();
        Position position = (present & 1) != 0 ? new Position(in.getDouble(), in.getDouble()) : null;
        Double accuracy = (present & 2) != 0 ? in.getDouble() : null;
        Double altitude = (present & 4) != 0 ? in.getDouble() : null;
        Integer heartRate = (present & 8) != 0 ? in.getInt() : null;
        Double speed = (present & 16) != 0 ? in.getDouble() : null;
        Integer cadence = (present & 32) != 0 ? in.getInt() : null;
        Integer power = (present & 64) != 0 ? in.getInt() : null;
        return new Sample(workoutId, userId, deviceId, sequenceNumber, recordedAt, position, accuracy, altitude,
                heartRate, speed, cadence, power);
    }

    private static void writeMotion(Writer out, StopDetector motion) {
        out.writeByte((byte) (motion.moving ? 1 : 0));
        out.writeNullableLong(motion.sinceMillis);
        out.writeDouble(motion.anchorLatitudeSum);
        out.writeDouble(motion.anchorLongitudeSum);
        out.writeInt(motion.anchorFixes);
        out.writeInt(motion.outside);
        out.writeLong(motion.outsideSinceMillis);
        out.writeNullableLong(motion.refitFromMillis);
        out.writeInt(motion.steps.size());
        for (StopDetector.Step step : motion.steps) {
            out.writeLong(step.atMillis());
            out.writeDouble(step.latitude());
            out.writeDouble(step.longitude());
            out.writeLong(step.activeMillis());
            out.writeLong(step.movingMillis());
        }
    }

    private static StopDetector readMotion(ByteBuffer in) {
        StopDetector motion = new StopDetector();
        motion.moving = in.get() != 0;
        motion.sinceMillis = readNullableLong(in);
        motion.anchorLatitudeSum = in.getDouble();
        motion.anchorLongitudeSum = in.getDouble();
        motion.anchorFixes = in.getInt();
        motion.outside = in.getInt();
        motion.outsideSinceMillis = in.getLong();
        motion.refitFromMillis = readNullableLong(in);
        int steps = in.getInt();
        motion.steps = new ArrayList<>(steps + 1);
        for (int i = 0; i < steps; i++) {
            motion.steps.add(new StopDetector.Step(in.getLong(), in.getDouble(), in.getDouble(), in.getLong(),
                    in.getLong()));
        }
        return motion;
    }

    private static void writeTrack(Writer out, Track track) {
        writeFix(out, track.lastAccepted);
        out.writeInt(track.rejectedInARow);
        out.writeLong(track.rejectedFixes);
        writeFixes(out, track.window);
        writeFix(out, track.counted);
        writeFixes(out, track.smoothedHistory);
        out.writeDouble(track.distanceMeters);
        out.writeNullableDouble(track.speedMetersPerSecond);
    }

    private static Track readTrack(ByteBuffer in) {
        Track track = new Track();
        track.lastAccepted = readFix(in);
        track.rejectedInARow = in.getInt();
        track.rejectedFixes = in.getLong();
        track.window = readFixes(in);
        track.counted = readFix(in);
        track.smoothedHistory = readFixes(in);
        track.distanceMeters = in.getDouble();
        track.speedMetersPerSecond = readNullableDouble(in);
        return track;
    }

    private static void writeFixes(Writer out, List<Fix> fixes) {
        out.writeInt(fixes.size());
        for (Fix fix : fixes) {
            out.writeDouble(fix.latitude());
            out.writeDouble(fix.longitude());
            out.writeLong(fix.atMillis());
        }
    }

    private static List<Fix> readFixes(ByteBuffer in) {
        int count = in.getInt();
        List<Fix> fixes = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            fixes.add(new Fix(in.getDouble(), in.getDouble(), in.getLong()));
        }
        return fixes;
    }

    private static void writeFix(Writer out, Fix fix) {
        out.writeByte((byte) (fix == null ? 0 : 1));
        if (fix != null) {
            out.writeDouble(fix.latitude());
            out.writeDouble(fix.longitude());
            out.writeLong(fix.atMillis());
        }
    }

    private static Fix readFix(ByteBuffer in) {
        return in.get() == 0 ? null : new Fix(in.getDouble(), in.getDouble(), in.getLong());
    }

    private static void writeStats(Writer out, SensorStats stats) {
        out.writeNullableInt(stats.current);
        out.writeLong(stats.sum);
        out.writeLong(stats.count);
        out.writeNullableInt(stats.max);
    }

    private static SensorStats readStats(ByteBuffer in) {
        SensorStats stats = new SensorStats();
        stats.current = readNullableInt(in);
        stats.sum = in.getLong();
        stats.count = in.getLong();
        stats.max = readNullableInt(in);
        return stats;
    }

    private static void writeId(Writer out, UUID id, UUID sessions) {
        if (id == null) {
            out.writeByte(ID_NULL);
        } else if (id.equals(sessions)) {
            out.writeByte(ID_SAME);
        } else {
            out.writeByte(ID_OWN);
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        }
    }

    private static UUID readId(ByteBuffer in, UUID sessions) {
        return switch (in.get()) {
            case ID_NULL -> null;
            case ID_SAME -> sessions;
            default -> new UUID(in.getLong(), in.getLong());
        };
    }

    private static UUID readUuid(ByteBuffer in) {
        return in.get() == 0 ? null : new UUID(in.getLong(), in.getLong());
    }

    private static Long readNullableLong(ByteBuffer in) {
        return in.get() == 0 ? null : in.getLong();
    }

    private static Double readNullableDouble(ByteBuffer in) {
        return in.get() == 0 ? null : in.getDouble();
    }

    private static Integer readNullableInt(ByteBuffer in) {
        return in.get() == 0 ? null : in.getInt();
    }

    private static String readString(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A growable big-endian byte writer over a heap {@link ByteBuffer} (so that the reader is a plain ByteBuffer). */
    private static final class Writer {

        private ByteBuffer buffer;

        Writer(int capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }

        private void ensure(int more) {
            if (buffer.remaining() < more) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more));
                buffer.flip();
                larger.put(buffer);
                buffer = larger;
            }
        }

        void writeByte(byte value) {
            ensure(1);
            buffer.put(value);
        }

        void writeInt(int value) {
            ensure(4);
            buffer.putInt(value);
        }

        void writeLong(long value) {
            ensure(8);
            buffer.putLong(value);
        }

        void writeDouble(double value) {
            ensure(8);
            buffer.putDouble(value);
        }

        void writeNullableLong(Long value) {
            writeByte((byte) (value == null ? 0 : 1));
            if (value != null) {
                writeLong(value);
            }
        }

        void writeNullableInt(Integer value) {
            writeByte((byte) (value == null ? 0 : 1));
            if (value != null) {
                writeInt(value);
            }
        }

        void writeNullableDouble(Double value) {
            writeByte((byte) (value == null ? 0 : 1));
            if (value != null) {
                writeDouble(value);
            }
        }

        void writeUuid(UUID id) {
            writeByte((byte) (id == null ? 0 : 1));
            if (id != null) {
                writeLong(id.getMostSignificantBits());
                writeLong(id.getLeastSignificantBits());
            }
        }

        void writeString(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            ensure(utf8.length);
            buffer.put(utf8);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }
}
