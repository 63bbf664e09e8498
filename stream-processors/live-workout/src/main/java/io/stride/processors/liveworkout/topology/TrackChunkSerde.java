package io.stride.processors.liveworkout.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.stride.processors.liveworkout.domain.Position;
import io.stride.processors.liveworkout.domain.TrackPoint;

/**
 * The track store's value serde: a chunk of a workout's {@link TrackPoint}s in a compact binary form (a version byte,
 * the count, then per point its index, time, presence flags and the values present). Internal to this application (the
 * store and its changelog), so it is not an Avro contract.
 */
final class TrackChunkSerde implements Serde<List<TrackPoint>> {

    private static final byte VERSION = 1;

    @Override
    public Serializer<List<TrackPoint>> serializer() {
        return (topic, points) -> points == null ? null : encode(points);
    }

    @Override
    public Deserializer<List<TrackPoint>> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return decode(bytes);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read a track chunk", e);
            }
        };
    }

    static byte[] encode(List<TrackPoint> points) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + points.size() * 56);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(points.size());
            for (TrackPoint point : points) {
                out.writeLong(point.index());
                out.writeLong(point.atMillis());
                int present = (point.position() != null ? 1 : 0)
                        | (point.altitudeMeters() != null ? 2 : 0)
                        | (point.heartRateBpm() != null ? 4 : 0)
                        | (point.speedMetersPerSecond() != null ? 8 : 0)
                        | (point.moving() ? 16 : 0);
                out.writeByte(present);
                if (point.position() != null) {
                    out.writeDouble(point.position().latitude());
                    out.writeDouble(point.position().longitude());
                }
                if (point.altitudeMeters() != null) {
                    out.writeDouble(point.altitudeMeters());
                }
                if (point.heartRateBpm() != null) {
                    out.writeInt(point.heartRateBpm());
                }
                if (point.speedMetersPerSecond() != null) {
                    out.writeDouble(point.speedMetersPerSecond());
                }
                out.writeDouble(point.distanceMeters());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<TrackPoint> decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("track chunk format version " + version + " is unknown to this reader");
        }
        int count = in.readInt();
        List<TrackPoint> points = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            long index = in.readLong();
            long at = in.readLong();
            int present = in.readByte();
            Position position = (present & 1) != 0 ? new Position(in.readDouble(), in.readDouble()) : null;
            Double altitude = (present & 2) != 0 ? in.readDouble() : null;
            Integer heartRate = (present & 4) != 0 ? in.readInt() : null;
            Double speed = (present & 8) != 0 ? in.readDouble() : null;
            double distance = in.readDouble();
            points.add(new TrackPoint(index, at, position, altitude, heartRate, distance, speed, (present & 16) != 0));
        }
        return points;
    }
}
