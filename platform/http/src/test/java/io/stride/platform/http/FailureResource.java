package io.stride.platform.http;

import java.time.Duration;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only resource that fails in every way an app can. */
@Path("/api/v3/failures")
@Produces(MediaType.APPLICATION_JSON)
public class FailureResource {

    static final String BUG_MESSAGE = "secret internals of io.stride.Internal at line 42";

    @GET
    @Path("/{kind}")
    public String fail(@PathParam("kind") String kind) {
        throw switch (kind) {
            case "validation" -> ApiException.invalidField("startedAt", "must be in the past");
            case "unauthenticated" -> ApiException.unauthenticated("A bearer token is required");
            case "forbidden" -> ApiException.forbidden("Only the athlete may read this workout");
            case "not-found" -> ApiException.notFound("workout", "w-1");
            case "conflict" -> ApiException.conflict("version_conflict", "The workout changed meanwhile",
                    Map.of("expected_version", 3, "actual_version", 4));
            case "unprocessable" -> ApiException.unprocessable("workout_already_finished",
                    "The workout is already finished", Map.of("workout_id", "w-1"));
            case "rate-limited" -> ApiException.rateLimited(Duration.ofMillis(1500));
            case "unavailable" -> ApiException.unavailable("The leaderboard store is not ready", Duration.ofSeconds(5));
            default -> new IllegalStateException(BUG_MESSAGE);
        };
    }
}
