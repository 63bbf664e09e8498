package io.stride.commands.users.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the users service holds on one user (GDPR art. 15 and 20), as one JSON document: the profile in clear,
 * session metadata, devices and security events. No secret and no hash of one: no password hash, TOTP secret,
 * refresh token, recovery code or device credential hash.
 */
public record UserExport(String format, Instant exportedAt, Profile profile, List<Session> sessions,
        RecoveryCodes recoveryCodes, List<Device> devices, List<AuditEvent> auditEvents) {

    /** Version of this document's layout. */
    public static final String FORMAT = "stride.users.export.v1";

    /** The account, with the athlete's metrics (null when unset) and when they last changed. */
    public record Profile(UUID id, String email, String firstName, String lastName, List<String> roles,
            Instant createdAt, Instant lastLogin, Instant passwordChangedAt, boolean totpEnabled, Double weightKg,
            Double heightCm, Integer maxHeartRateBpm, Integer restingHeartRateBpm, Integer birthYear,
            String timeZone, Instant metricsUpdatedAt, String displayName, boolean hiddenFromLeaderboards) {
    }

    /** One login session (refresh token family). */
    public record Session(UUID id, Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedReason,
            long refreshTokensIssued) {
    }

    /** How many recovery codes exist and how many were used (never the codes). */
    public record RecoveryCodes(long total, long used) {
    }

    /** A registered device (never its credential). */
    public record Device(UUID deviceId, String model, Instant registeredAt, Instant revokedAt) {
    }

    /** A security event about the user. */
    public record AuditEvent(UUID id, String type, Instant occurredAt, String ip, String correlationId,
            Map<String, Object> details) {
    }
}
