package io.stride.commands.users.api;

import java.util.Map;

import io.stride.commands.users.domain.AuthFailure;
import io.stride.platform.http.ApiException;

/** The 401 (and 403) answers of login and refresh. */
final class AuthErrors {

    private AuthErrors() {
    }

    static ApiException of(AuthFailure failure) {
        return switch (failure) {
            case AuthFailure.InvalidCredentials ignored ->
                    new ApiException(401, "invalid_credentials", "Email or password is wrong", Map.of());
            case AuthFailure.EmailNotVerified ignored ->
                    new ApiException(403, "email_not_verified",
                            "Confirm your email address first: follow the link sent to it", Map.of());
            case AuthFailure.TotpRequired ignored ->
                    new ApiException(401, "totp_required", "A code from the authenticator app is required", Map.of());
            case AuthFailure.InvalidTotpCode ignored ->
                    new ApiException(401, "invalid_totp_code", "The code is wrong or was already used", Map.of());
            case AuthFailure.InvalidRefreshToken ignored ->
                    new ApiException(401, "invalid_refresh_token", "The refresh token is not valid; log in again",
                            Map.of());
        };
    }
}
