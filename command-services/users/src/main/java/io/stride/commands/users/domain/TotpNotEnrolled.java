package io.stride.commands.users.domain;

/** A TOTP confirmation without an enrolment started. */
public final class TotpNotEnrolled extends UsersError {

    public TotpNotEnrolled() {
        super("totp not enrolled");
    }
}
