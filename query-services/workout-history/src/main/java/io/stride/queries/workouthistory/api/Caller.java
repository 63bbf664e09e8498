package io.stride.queries.workouthistory.api;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.stride.platform.http.ApiException;
import io.stride.platform.security.Roles;

/** Who asks, from a verified access token: the user id ({@code sub}) and whether the token carries the admin role. */
record Caller(String userId, boolean admin) {

    static Caller of(JsonWebToken token) {
        return new Caller(token.getSubject(), token.getGroups().contains(Roles.ADMIN));
    }

    /** Object-level authorization: an athlete reads their own workouts, an admin every workout. */
    boolean mayRead(String ownerId) {
        return admin || userId.equals(ownerId);
    }

    /** Whose workouts a list or statistics request is about: the caller's, or (admins only) the one asked for. */
    String subject(String requestedUserId) {
        if (requestedUserId == null || requestedUserId.isBlank() || requestedUserId.equals(userId)) {
            return userId;
        }
        if (!admin) {
            throw ApiException.forbidden("only admins read other athletes' workouts");
        }
        return Requests.uuid("user_id", requestedUserId);
    }
}
