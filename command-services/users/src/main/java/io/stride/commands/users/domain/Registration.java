package io.stride.commands.users.domain;

import java.util.UUID;

/** What a registration did. The caller answers both the same way, so that addresses cannot be enumerated. */
public sealed interface Registration {

    /** The normalised address the registration named. */
    String email();

    /**
     * A new, unconfirmed account.
     *
     * @param token the confirmation token to send to the address (only its SHA-256 is stored)
     */
    record Created(UUID userId, String email, String token) implements Registration {
    }

    /**
     * The address already has an account: nothing was created.
     *
     * @param token a new confirmation token when that account is still unconfirmed, else null
     */
    record Known(String email, String token) implements Registration {
    }
}
