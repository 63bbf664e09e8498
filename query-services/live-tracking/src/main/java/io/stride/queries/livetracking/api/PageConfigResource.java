package io.stride.queries.livetracking.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.stride.queries.livetracking.config.LiveTrackingConfig;

/**
 * What the live-tracking page needs to know before the user logs in: where to log in, and where finished workouts are
 * shown. Public, no secrets.
 */
@Path("/api/v1/page-config")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PageConfigResource {

    private final LiveTrackingConfig config;

    PageConfigResource(LiveTrackingConfig config) {
        this.config = config;
    }

    /** The page's settings. */
    public record PageConfig(String usersUrl, String historyUrl) {
    }

    @GET
    public PageConfig get() {
        return new PageConfig(config.page().usersUrl(), config.page().historyUrl());
    }
}
