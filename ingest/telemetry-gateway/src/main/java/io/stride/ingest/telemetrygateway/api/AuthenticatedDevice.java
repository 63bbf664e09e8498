package io.stride.ingest.telemetrygateway.api;

import java.util.UUID;

/**
 * The device a request's credential proved to be.
 *
 * @param deviceId the only device id its samples may carry
 * @param userId   the only user its samples may be for
 */
record AuthenticatedDevice(String deviceId, UUID userId) {
}
