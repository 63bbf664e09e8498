package io.stride.commands.users.domain;

import java.time.Duration;

/** An attempt over its budget; it may be retried after {@link #retryAfter()}. */
public final class RateLimited extends UsersError {

    private final Duration retryAfter;

    public RateLimited(Duration retryAfter) {
        super("rate limited");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
