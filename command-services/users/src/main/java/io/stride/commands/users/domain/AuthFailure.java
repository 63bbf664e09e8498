package io.stride.commands.users.domain;

/** Why a login or refresh is refused; a 401 to the client, except an unconfirmed address (403). */
public sealed interface AuthFailure {

    /** Unknown email or wrong password: one answer for both, so that accounts cannot be enumerated. */
    record InvalidCredentials() implements AuthFailure {
    }

    /** The password was right, the account has TOTP, and no code was given. */
    record TotpRequired() implements AuthFailure {
    }

    /**
     * The password was right but the address is not confirmed yet: only someone who knows the password learns that
     * the account exists.
     */
    record EmailNotVerified() implements AuthFailure {
    }

    /** The TOTP or recovery code is wrong or was already used. */
    record InvalidTotpCode() implements AuthFailure {
    }

    /** The refresh token is unknown, expired, revoked, or was already used (then its family is revoked). */
    record InvalidRefreshToken() implements AuthFailure {
    }
}
