package io.stride.queries.workouthistory.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.stride.queries.workouthistory.config.WorkoutHistoryConfig;

/** What the history page needs to know before the athlete signs in: where to sign in. Public, no secrets. */
@Path("/api/v1/page-config")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PageConfigResource {

    private final WorkoutHistoryConfig config;

    PageConfigResource(WorkoutHistoryConfig config) {
        this.config = config;
    }

    /** The page's settings. */
    public record PageConfig(String usersUrl) {
    }

    @GET
    public PageConfig get() {
        return new PageConfig(config.page().usersUrl());
    }
}
