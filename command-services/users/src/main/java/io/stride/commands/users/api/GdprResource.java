package io.stride.commands.users.api;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.application.UserAccountService;
import io.stride.commands.users.application.UserErasureService;
import io.stride.commands.users.application.UserExportService;
import io.stride.platform.http.ApiException;
import io.stride.platform.security.Roles;

/** The data subject's rights: export of everything held on the caller, erasure by the caller or by an admin. */
@Path("/api/v1/users")
public class GdprResource {

    /** DELETE /api/v1/users/me: the account's password, asked again. */
    public record ConfirmPassword(@NotNull @Size(max = Requests.PASSWORD_MAX) String password) {
    }

    private final UserExportService exports;
    private final UserErasureService erasures;
    private final UserAccountService accounts;
    private final PasswordHashing hashing;
    private final JsonWebToken jwt;

    public GdprResource(UserExportService exports, UserErasureService erasures, UserAccountService accounts,
            PasswordHashing hashing, JsonWebToken jwt) {
        this.exports = exports;
        this.erasures = erasures;
        this.accounts = accounts;
        this.hashing = hashing;
        this.jwt = jwt;
    }

    /** One JSON document with the profile, sessions, devices and security events of the caller; no secrets. */
    @GET
    @Path("/me/export")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> export() {
        UUID userId = callerId();
        return exports.export(userId)
                .map(document -> Response.ok(document)
                        .header("Content-Disposition", "attachment; filename=\"stride-user-" + userId + ".json\"")
                        .header("Cache-Control", "no-store")
                        .build());
    }

    /**
     * Erases the caller after checking the password again (a stolen access token alone cannot erase an account):
     * 204; 403 {@code wrong_password}.
     */
    @DELETE
    @Path("/me")
    @Authenticated
    public Uni<Response> eraseMe(@Valid @NotNull ConfirmPassword request) {
        UUID userId = callerId();
        return accounts.passwordHash(userId)
                .chain(stored -> hashing.verify(stored, request.password()))
                .invoke(matches -> {
                    if (!matches) {
                        throw new ApiException(403, "wrong_password", "The password is wrong", Map.of());
                    }
                })
                .chain(ignored -> erasures.erase(userId, userId))
                .map(ignored -> Response.noContent().build());
    }

    /** Erases any user (support, legal requests): 204; 404 for an unknown or already erased user. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> erase(@PathParam("id") UUID userId) {
        return erasures.erase(userId, callerId())
                .map(ignored -> Response.noContent().build());
    }

    private UUID callerId() {
        return UUID.fromString(jwt.getSubject());
    }
}
