package io.stride.platform.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** Test-only endpoints guarded by roles. */
@Path("/api/v1/secured")
public class SecuredResource {

    @GET
    @Path("/athlete")
    @RolesAllowed(Roles.ATHLETE)
    public String athlete(@Context SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    @GET
    @Path("/admin")
    @RolesAllowed(Roles.ADMIN)
    public String admin() {
        return "admin";
    }
}
