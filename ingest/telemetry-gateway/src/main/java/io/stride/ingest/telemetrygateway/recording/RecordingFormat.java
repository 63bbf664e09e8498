package io.stride.ingest.telemetrygateway.recording;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The recording files the gateway imports, each read by its reader. */
public enum RecordingFormat {
    /** GPS Exchange Format 1.1 (Garmin TrackPointExtension heart rate and cadence when present). */
    GPX(new GpxReader()),
    /** Garmin Training Center XML. */
    TCX(new TcxReader()),
    /** Garmin/ANT Flexible and Interoperable Data Transfer, {@code record} messages. */
    FIT(new FitReader());

    private final RecordingReader reader;

    RecordingFormat(RecordingReader reader) {
        this.reader = reader;
    }

    /** The points of a recording, in file order. */
    public List<RecordedPoint> read(InputStream file) throws IOException, UnreadableRecording {
        return reader.read(file);
    }

    /** The format named {@code gpx}, {@code tcx} or {@code fit}, case-insensitively. */
    public static Optional<RecordingFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Reads one format. */
    interface RecordingReader {
        List<RecordedPoint> read(InputStream file) throws IOException, UnreadableRecording;
    }
}
