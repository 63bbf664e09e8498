package io.stride.commands.users.domain;

/** The user already has the most active devices allowed. */
public final class DeviceLimitReached extends RuntimeException {

    private final int limit;

    public DeviceLimitReached(int limit) {
        super("device limit reached", null, false, false);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
