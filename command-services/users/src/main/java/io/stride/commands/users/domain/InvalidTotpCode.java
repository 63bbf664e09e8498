package io.stride.commands.users.domain;

/** A TOTP code that does not match the enrolment's secret. */
public final class InvalidTotpCode extends UsersError {

    public InvalidTotpCode() {
        super("invalid totp code");
    }
}
