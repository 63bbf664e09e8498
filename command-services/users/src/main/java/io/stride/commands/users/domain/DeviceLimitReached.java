package io.stride.commands.users.domain;

/** The user already has the most active devices allowed. */
public final class DeviceLimitReached extends UsersError {

    private final int limit;

    public DeviceLimitReached(int limit) {
        super("device limit reached");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
