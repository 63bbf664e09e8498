package io.stride.commands.users.api;

import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.stride.commands.users.domain.DeviceLimitReached;
import io.stride.commands.users.domain.DeviceNotFound;
import io.stride.commands.users.domain.InvalidAthleteMetrics;
import io.stride.commands.users.domain.InvalidTotpCode;
import io.stride.commands.users.domain.InvalidVerificationToken;
import io.stride.commands.users.domain.RateLimited;
import io.stride.commands.users.domain.TotpAlreadyEnabled;
import io.stride.commands.users.domain.TotpNotEnrolled;
import io.stride.commands.users.domain.UserNotFound;
import io.stride.commands.users.domain.UsersError;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.PlatformExceptionMappers;

/**
 * The HTTP answer of each domain error the use cases raise (STYLE §11), in the platform's error format: the same
 * status, code, message, details and {@code Retry-After} the platform gives an {@link ApiException}.
 */
public class UsersErrors {

    private final PlatformExceptionMappers platform = new PlatformExceptionMappers();

    @ServerExceptionMapper
    public Response map(UsersError error, ContainerRequestContext request) {
        return platform.mapApiException(of(error), request);
    }

    static ApiException of(UsersError error) {
        return switch (error) {
            case UserNotFound notFound -> ApiException.notFound("user", notFound.userId().toString());
            case DeviceNotFound notFound -> ApiException.notFound("device", notFound.deviceId().toString());
            case InvalidVerificationToken ignored -> new ApiException(400, "invalid_verification_token",
                    "The confirmation link is not valid any more; register again for a new one", Map.of());
            case TotpAlreadyEnabled ignored -> ApiException.conflict("totp_already_enabled",
                    "Two-factor authentication is already on", Map.of());
            case TotpNotEnrolled ignored -> ApiException.conflict("totp_not_enrolled", "Start the enrolment first",
                    Map.of());
            case InvalidTotpCode ignored -> ApiException.unprocessable("invalid_totp_code", "The code does not match",
                    Map.of());
            case RateLimited limited -> ApiException.rateLimited(limited.retryAfter());
            case DeviceLimitReached limit -> ApiException.conflict("device_limit_reached",
                    "Revoke a device before registering another one", Map.of("max_active_devices", limit.limit()));
            case InvalidAthleteMetrics invalid -> ApiException.validation(
                    "The patch has fields that cannot be changed or invalid values",
                    Map.of("violations", invalid.violations().stream()
                            .map(violation -> Map.of("field", violation.field().wireName(),
                                    "message", violation.message()))
                            .toList()));
        };
    }
}
