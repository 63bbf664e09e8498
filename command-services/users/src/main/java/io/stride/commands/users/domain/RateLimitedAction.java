package io.stride.commands.users.domain;

/** Actions whose attempts are limited per client IP and, where one is named, per account. */
public enum RateLimitedAction {
    LOGIN,
    REGISTRATION,
    REFRESH,
    TOTP;

    /** Name in Redis keys and audit details, e.g. {@code login}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
