package io.stride.commands.users.domain;

import java.util.UUID;

/** The account does not exist (never did, or was erased). */
public final class UserNotFound extends UsersError {

    private final UUID userId;

    public UserNotFound(UUID userId) {
        super("user not found");
        this.userId = userId;
    }

    public UUID userId() {
        return userId;
    }
}
