package io.stride.ingest.telemetrygateway.recording;

/** The file is not a readable recording of the announced format. */
public class UnreadableRecording extends Exception {

    public UnreadableRecording(String message, Throwable cause) {
        super(message, cause);
    }
}
