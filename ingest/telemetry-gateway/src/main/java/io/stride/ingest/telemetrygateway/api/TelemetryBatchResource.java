package io.stride.ingest.telemetrygateway.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.stride.platform.http.CorrelationId;
import io.vertx.ext.web.RoutingContext;

/**
 * Wearables post batches of telemetry samples here, authenticated by their device credential
 * ({@code Authorization: Device <deviceId>.<secret>}, checked by {@link DeviceAuthenticationFilter}), not by a user
 * token.
 */
@PermitAll
@DeviceAuthenticated
@Path("/api/v1/telemetry/batches")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TelemetryBatchResource {

    private final BatchIngestion ingestion;

    TelemetryBatchResource(BatchIngestion ingestion) {
        this.ingestion = ingestion;
    }

    /**
     * Accepts a batch: 202 when every sample is valid; 401 without a valid device credential; 403 {@code forbidden}
     * (nothing published) when a sample names another device or user than the credential's; 400 {@code validation_failed} naming each refused sample when
     * some are not (the valid ones are published all the same); 413 when the batch holds too many samples; 429
     * with {@code Retry-After} while the gateway has too many samples waiting for Kafka.
     */
    @POST
    public Uni<RestResponse<BatchAccepted>> ingest(BatchRequest request, RoutingContext context) {
        return Uni.createFrom().deferred(() -> ingestion.ingest(request == null ? null : request.samples(),
                        DeviceAuthenticationFilter.device(context), CorrelationId.currentOrNew()))
                .map(outcome -> {
                    if (!outcome.rejected().isEmpty()) {
                        throw outcome.rejection();
                    }
                    return RestResponse.accepted(new BatchAccepted(outcome.accepted(),
                            outcome.highestSequenceNumbers()));
                });
    }
}
