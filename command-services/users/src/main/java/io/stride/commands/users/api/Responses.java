package io.stride.commands.users.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.stride.commands.users.domain.AthleteMetrics;
import io.stride.commands.users.domain.UserProfile;

/** Response bodies of the users API (snake_case on the wire). */
final class Responses {

    private Responses() {
    }

    /**
     * A user's profile, with the athlete's metrics (null when unset), the display name they chose to show other
     * athletes (null: none) and whether they hide from public leaderboards.
     */
    public record Profile(UUID id, String email, String firstName, String lastName, Instant createdAt,
            Instant lastLogin, boolean totpEnabled, Double weightKg, Double heightCm, Integer maxHeartRateBpm,
            Integer restingHeartRateBpm, Integer birthYear, String timeZone, String displayName,
            boolean hiddenFromLeaderboards) {

        static Profile of(UserProfile profile) {
            AthleteMetrics metrics = profile.metrics();
            return new Profile(profile.id(), profile.email(), profile.firstName(), profile.lastName(),
                    profile.createdAt(), profile.lastLogin(), profile.totpEnabled(), metrics.weightKg(),
                    metrics.heightCm(), metrics.maxHeartRateBpm(), metrics.restingHeartRateBpm(),
                    metrics.birthYear(), metrics.timeZone(), profile.displayName(), profile.hiddenFromLeaderboards());
        }
    }

    /** The answer to every registration, whether the address was new or known. */
    public record RegistrationAccepted(String status, String message) {

        static final RegistrationAccepted INSTANCE = new RegistrationAccepted("confirmation_sent",
                "If this address can be registered, an email with a confirmation link has been sent to it");
    }

    /** An address confirmed. */
    public record Verified(String status) {

        static final Verified INSTANCE = new Verified("verified");
    }

    /** Tokens of a login or refresh (OAuth 2.0 token response field names). */
    public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
            long refreshExpiresIn) {
    }

    /** A TOTP enrolment: the secret (for manual entry) and the otpauth:// URI (for a QR code). */
    public record TotpEnrolment(String secret, String provisioningUri) {
    }

    /** Recovery codes, shown once. */
    public record RecoveryCodes(List<String> recoveryCodes) {
    }
}
