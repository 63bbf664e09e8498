package io.stride.commands.users.domain;

/**
 * Why a use case of the users service refused: raised by {@code application}, answered by {@code api} in the
 * platform's error format. No stack trace: these are outcomes, not bugs.
 */
public abstract sealed class UsersError extends RuntimeException permits UserNotFound, DeviceNotFound,
        InvalidVerificationToken, TotpAlreadyEnabled, TotpNotEnrolled, InvalidTotpCode, RateLimited, DeviceLimitReached,
        InvalidAthleteMetrics {

    protected UsersError(String message) {
        super(message, null, false, false);
    }
}
