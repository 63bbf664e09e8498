package io.stride.commands.users.domain;

import java.util.UUID;

/** What a login checks the password against. */
public record Credentials(UUID userId, String passwordHash) {
}
