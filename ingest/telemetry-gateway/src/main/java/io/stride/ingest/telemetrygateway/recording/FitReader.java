package io.stride.ingest.telemetrygateway.recording;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.garmin.fit.Decode;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesg;

/**
 * FIT through Garmin's FIT SDK: every {@code record} message. Positions are semicircles (degrees = s × 180 / 2³¹);
 * the enhanced speed and altitude fields win over the 16-bit ones.
 */
final class FitReader implements RecordingFormat.RecordingReader {

    private static final double DEGREES_PER_SEMICIRCLE = 180.0 / Math.pow(2, 31);

    @Override
    public List<RecordedPoint> read(InputStream file) throws IOException, UnreadableRecording {
        byte[] bytes = new BufferedInputStream(file).readAllBytes();
        Decode decode = new Decode();
        try {
            if (!decode.checkFileIntegrity(new ByteArrayInputStream(bytes))) {
                throw new UnreadableRecording("not a FIT file, or its CRC does not match", null);
            }
            List<RecordedPoint> points = new ArrayList<>();
            MesgBroadcaster broadcaster = new MesgBroadcaster(new Decode());
            broadcaster.addListener((RecordMesg record) -> points.add(toPoint(record)));
            broadcaster.run(new ByteArrayInputStream(bytes));
            return points;
        } catch (FitRuntimeException e) {
            throw new UnreadableRecording("not a readable FIT file", e);
        }
    }

    private static RecordedPoint toPoint(RecordMesg record) {
        Instant time = record.getTimestamp() == null ? null : record.getTimestamp().getDate().toInstant();
        Float speed = record.getEnhancedSpeed() != null ? record.getEnhancedSpeed() : record.getSpeed();
        Float altitude = record.getEnhancedAltitude() != null ? record.getEnhancedAltitude() : record.getAltitude();
        return new RecordedPoint(time,
                record.getPositionLat() == null ? null : record.getPositionLat() * DEGREES_PER_SEMICIRCLE,
                record.getPositionLong() == null ? null : record.getPositionLong() * DEGREES_PER_SEMICIRCLE,
                altitude == null ? null : altitude.doubleValue(),
                record.getHeartRate() == null ? null : record.getHeartRate().intValue(),
                speed == null ? null : speed.doubleValue(),
                record.getCadence() == null ? null : record.getCadence().intValue(),
                record.getPower());
    }
}
