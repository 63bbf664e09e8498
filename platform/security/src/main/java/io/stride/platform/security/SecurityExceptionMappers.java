package io.stride.platform.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.stride.platform.http.ErrorBody;
import io.stride.platform.http.ErrorCodes;

/**
 * Maps Quarkus Security's failures to the platform's error format: a missing, expired or otherwise invalid token is
 * 401 {@code unauthenticated} with {@code WWW-Authenticate: Bearer}, a valid token without the required role is 403
 * {@code forbidden}. Quarkus' built-in mappers answer with an empty body.
 *
 * <p>Public only because Quarkus-generated code calls it from another class loader when the library is a
 * dependency; it is wiring, not API.
 */
public class SecurityExceptionMappers {

    /** Higher precedence than Quarkus' built-in security mappers. */
    static final int PRIORITY = Priorities.USER - 1000;
    static final String BEARER_CHALLENGE = "Bearer";

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapAuthenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapAuthenticationCompletion(AuthenticationCompletionException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapUnauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapForbidden(ForbiddenException e) {
        return Response.status(403)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(403, ErrorCodes.FORBIDDEN, "You are not allowed to do this"))
                .build();
    }

    private static Response unauthenticated() {
        return Response.status(401)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
                .entity(ErrorBody.of(401, ErrorCodes.UNAUTHENTICATED,
                        "A valid access token is required (Authorization: Bearer)"))
                .build();
    }
}
