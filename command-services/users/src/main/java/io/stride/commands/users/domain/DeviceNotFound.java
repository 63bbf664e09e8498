package io.stride.commands.users.domain;

import java.util.UUID;

/** The device does not exist or is another user's. */
public final class DeviceNotFound extends UsersError {

    private final UUID deviceId;

    public DeviceNotFound(UUID deviceId) {
        super("device not found");
        this.deviceId = deviceId;
    }

    public UUID deviceId() {
        return deviceId;
    }
}
