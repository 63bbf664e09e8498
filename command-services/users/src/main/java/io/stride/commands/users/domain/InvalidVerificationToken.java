package io.stride.commands.users.domain;

/** A confirmation token that is unknown, used or expired. */
public final class InvalidVerificationToken extends UsersError {

    public InvalidVerificationToken() {
        super("invalid verification token");
    }
}
