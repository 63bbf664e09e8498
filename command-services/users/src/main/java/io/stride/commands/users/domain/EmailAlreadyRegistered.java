package io.stride.commands.users.domain;

/** Registration with an email that already has an account. */
public final class EmailAlreadyRegistered extends RuntimeException {

    public EmailAlreadyRegistered() {
        super("email already registered", null, false, false);
    }
}
