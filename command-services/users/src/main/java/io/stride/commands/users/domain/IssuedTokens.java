package io.stride.commands.users.domain;

import java.util.Set;
import java.util.UUID;

/** The outcome of a login or a refresh: the session it belongs to and a fresh refresh token (plain, once). */
public record IssuedTokens(UUID userId, UUID sessionId, Set<String> roles, String refreshToken) {
}
