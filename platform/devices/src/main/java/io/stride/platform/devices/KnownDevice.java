package io.stride.platform.devices;

import java.util.UUID;

/**
 * The latest state of one registered device, as the users service published it.
 *
 * @param deviceId     the device id, as its samples carry it
 * @param userId       the only user the device may send samples for
 * @param secretSha256 SHA-256 of the credential's secret (32 bytes)
 * @param revoked      the credential was revoked: it is refused
 */
public record KnownDevice(String deviceId, UUID userId, byte[] secretSha256, boolean revoked) {
}
