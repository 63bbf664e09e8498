package io.stride.ingest.telemetrygateway.api;

import java.util.Map;

/**
 * Answer to a fully accepted batch.
 *
 * @param accepted                samples published
 * @param highestSequenceNumbers  per device id, the highest sequence number accepted; a device resends from there
 *                                after a lost connection (duplicates are absorbed downstream)
 */
public record BatchAccepted(int accepted, Map<String, Long> highestSequenceNumbers) {
}
