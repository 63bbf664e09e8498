package io.stride.queries.workouthistory.api;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.stride.platform.http.ApiException;
import io.stride.platform.security.Roles;
import io.stride.queries.workouthistory.config.WorkoutHistoryConfig;
import io.stride.queries.workouthistory.projection.Rebuild;

/**
 * Operators' rebuild of the read models (README, "Rebuild"): replays every event into a fresh generation while the
 * served one keeps serving; admins only.
 */
@Path("/api/v1/admin/read-model-rebuilds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RebuildResource {

    private final Rebuild rebuild;
    private final WorkoutHistoryConfig config;

    RebuildResource(Rebuild rebuild, WorkoutHistoryConfig config) {
        this.rebuild = rebuild;
        this.config = config;
    }

    /** What to rebuild into. */
    public record RebuildRequest(String generation) {
    }

    /**
     * Starts a rebuild into a new generation (MongoDB and ClickHouse database name, {@code [a-z][a-z0-9_]*}, not the
     * served one): 202 with its {@code Location}; 409 while one into it is running.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(RebuildRequest request) {
        String generation = request == null ? null : request.generation();
        if (!Rebuild.validGeneration(generation)) {
            throw ApiException.invalidField("generation", "generation must match [a-z][a-z0-9_]* (at most 63)");
        }
        if (generation.equals(config.generation())) {
            throw ApiException.invalidField("generation", "generation must not be the one being served");
        }
        Rebuild.Report report = rebuild.start(generation)
                .orElseThrow(() -> ApiException.conflict("rebuild_running", "a rebuild into " + generation
                        + " is running", Map.of("generation", generation)));
        return Response.accepted(report)
                .location(URI.create("/api/v1/admin/read-model-rebuilds/" + generation))
                .build();
    }

    /** A rebuild's progress (of this instance). */
    @GET
    @Path("/{generation}")
    public Rebuild.Report get(@PathParam("generation") String generation) {
        return rebuild.report(generation)
                .orElseThrow(() -> ApiException.notFound("read-model rebuild", generation));
    }
}
