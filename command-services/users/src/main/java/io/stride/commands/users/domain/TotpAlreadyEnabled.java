package io.stride.commands.users.domain;

/** Two-factor authentication is on already: no new enrolment, no second confirmation. */
public final class TotpAlreadyEnabled extends UsersError {

    public TotpAlreadyEnabled() {
        super("totp already enabled");
    }
}
