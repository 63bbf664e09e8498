package io.stride.commands.users.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the users API (snake_case on the wire). */
final class Requests {

    /** Password policy (OWASP ASVS 2.1): 12 to 128 characters, any characters, no composition rules. */
    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 128;
    static final int NAME_MAX = 100;
    /** The longest display name, in characters: what a board's row can show. */
    static final int DISPLAY_NAME_MAX = 40;

    private Requests() {
    }

    /** POST /api/v1/users. */
    public record Register(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = PASSWORD_MIN, max = PASSWORD_MAX) String password,
            @NotBlank @Size(max = NAME_MAX) String firstName,
            @NotBlank @Size(max = NAME_MAX) String lastName) {

        /** Surrounding spaces are not part of an address: strip them before validation. */
        public Register {
            email = email == null ? null : email.strip();
        }
    }

    /** POST /api/v1/auth/login; {@code totp_code} is a TOTP code or a recovery code. */
    public record Login(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = PASSWORD_MAX) String password,
            @Size(max = 32) String totpCode) {
    }

    /** POST /api/v1/users/verification: the token of the confirmation email. */
    public record Verify(@NotBlank @Size(max = 128) String token) {
    }

    /** POST /api/v1/auth/refresh. */
    public record Refresh(@NotBlank @Size(max = 128) String refreshToken) {
    }

    /** PUT /api/v1/users/me/password. */
    public record ChangePassword(
            @NotNull @Size(max = PASSWORD_MAX) String currentPassword,
            @NotNull @Size(min = PASSWORD_MIN, max = PASSWORD_MAX) String newPassword) {
    }

    /** POST /api/v1/users/me/totp/confirm. */
    public record TotpCode(@NotBlank @Size(max = 16) String code) {
    }
}
