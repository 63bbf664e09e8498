package io.stride.platform.devices;

import java.util.UUID;

/**
 * The device a request's credential proved to be.
 *
 * @param deviceId the only device id its samples may carry
 * @param userId   the only user its samples may be for, whose workouts it may drive
 */
public record AuthenticatedDevice(String deviceId, UUID userId) {

    /** The role of a security identity proved by a device credential (apps that admit devices next to users). */
    public static final String ROLE = "device";
}
