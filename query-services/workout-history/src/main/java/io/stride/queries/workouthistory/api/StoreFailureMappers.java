package io.stride.queries.workouthistory.api;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import io.stride.platform.http.ApiException;
import io.stride.queries.workouthistory.config.WorkoutHistoryConfig;
import io.stride.queries.workouthistory.store.FieldSealing;
import io.stride.queries.workouthistory.store.StoreUnavailable;

import com.mongodb.MongoException;

/**
 * A store that does not answer is a dependency failure: 503 {@code service_unavailable} with {@code Retry-After}, in
 * the platform's error format, logged once here.
 */
public class StoreFailureMappers {

    private final WorkoutHistoryConfig config;

    StoreFailureMappers(WorkoutHistoryConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response mapStoreUnavailable(StoreUnavailable e) {
        return unavailable(e);
    }

    @ServerExceptionMapper
    public Response mapMongoException(MongoException e) {
        return unavailable(e);
    }

    /** An athlete's key not read yet (the app just started): the read models cannot be opened for a moment. */
    @ServerExceptionMapper
    public Response mapKeyUnavailable(FieldSealing.KeyUnavailable e) {
        return unavailable(e);
    }

    private Response unavailable(RuntimeException e) {
        Log.warnf("store unavailable: %s", e.getMessage());
        ApiException unavailable = ApiException.unavailable("a store of the workout history is unavailable",
                Duration.ofSeconds(config.retryAfterSeconds()));
        return Response.status(503)
                .entity(unavailable.toBody())
                .type("application/json")
                .header("Retry-After", config.retryAfterSeconds())
                .build();
    }
}
