package io.stride.processors.leaderboards.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.stride.processors.leaderboards.config.LeaderboardsConfig;

/** What the widget needs before the viewer signs in: where to sign in. Public, no secrets. */
@Path("/api/v1/page-config")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PageConfigResource {

    private final LeaderboardsConfig config;

    PageConfigResource(LeaderboardsConfig config) {
        this.config = config;
    }

    /** The widget's settings. */
    public record PageConfig(String usersUrl) {
    }

    @GET
    public PageConfig get() {
        return new PageConfig(config.page().usersUrl());
    }
}
