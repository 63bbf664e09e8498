package io.stride.commands.users.domain;

/** Security events kept in the audit log ({@code users.audit_events.type} holds the lower-case name). */
public enum AuditEventType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    USER_REGISTERED,
    EMAIL_VERIFIED,
    LOGGED_OUT,
    REFRESH_TOKEN_REUSED,
    PASSWORD_CHANGED,
    TOTP_ENABLED,
    TOTP_VERIFICATION_FAILED,
    DEVICE_REGISTERED,
    DEVICE_REVOKED,
    RATE_LIMITED,
    USER_ERASED;

    /** The stored and logged name, e.g. {@code login_failed}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
