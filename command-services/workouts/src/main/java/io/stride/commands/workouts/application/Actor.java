package io.stride.commands.workouts.application;

import java.util.UUID;

import io.stride.commands.workouts.domain.Source;

/**
 * Who asks: an athlete (user token), an admin, a device (its credential, for its own user) or the platform itself
 * (Kafka: live-workout's claims and final figures).
 *
 * @param userId   the user (for a device: the device's user); null for the platform
 * @param kind     what kind of caller
 * @param deviceId the device, for a device
 */
public record Actor(UUID userId, Kind kind, String deviceId) {

    /** Kinds of callers. */
    public enum Kind {
        ATHLETE, ADMIN, DEVICE, PLATFORM
    }

    public static Actor athlete(UUID userId) {
        return new Actor(userId, Kind.ATHLETE, null);
    }

    public static Actor admin(UUID userId) {
        return new Actor(userId, Kind.ADMIN, null);
    }

    public static Actor device(UUID userId, String deviceId) {
        return new Actor(userId, Kind.DEVICE, deviceId);
    }

    public static Actor platform() {
        return new Actor(null, Kind.PLATFORM, null);
    }

    /** Whether the caller may see and change a workout of {@code owner}: its athlete, its athlete's device, admins. */
    public boolean mayAct(UUID owner) {
        return kind == Kind.ADMIN || kind == Kind.PLATFORM || (userId != null && userId.equals(owner));
    }

    /** The lifecycle source of the caller's commands. */
    public Source source() {
        return switch (kind) {
            case DEVICE -> Source.DEVICE;
            case PLATFORM -> Source.PLATFORM;
            case ATHLETE, ADMIN -> Source.APP;
        };
    }
}
