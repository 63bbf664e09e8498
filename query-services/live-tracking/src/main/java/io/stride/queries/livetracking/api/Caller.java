package io.stride.queries.livetracking.api;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.stride.platform.security.Roles;
import io.stride.schemas.live.LiveWorkoutState;

/**
 * Who asks, from a verified access token: the user id ({@code sub}), whether the token carries the admin role, the
 * {@code Authorization} header to present to a peer instance when a request is forwarded, and when the token
 * expires (a stream opened with it ends then).
 */
record Caller(String userId, boolean admin, String authorization, Instant tokenExpiresAt) {

    static Caller of(JsonWebToken token, String authorization) {
        return new Caller(token.getSubject(), token.getGroups().contains(Roles.ADMIN), authorization,
                Instant.ofEpochSecond(token.getExpirationTime()));
    }

    /** Object-level authorization: an athlete reads their own workouts, an admin every workout. */
    boolean mayRead(LiveWorkoutState state) {
        return admin || owns(state);
    }

    /** Whether the workout is this user's own (an admin owns only their own workouts too). */
    boolean owns(LiveWorkoutState state) {
        return state.getUserId() != null && state.getUserId().toString().equals(userId);
    }

    /** The same user without the admin privilege: for actions only the owner may take. */
    Caller asOwner() {
        return new Caller(userId, false, authorization, tokenExpiresAt);
    }

    /** How long a stream opened with this token may stay open. */
    Duration remainingTokenLifetime(Instant now) {
        Duration remaining = Duration.between(now, tokenExpiresAt);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }
}
