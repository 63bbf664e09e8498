package io.stride.ingest.telemetrygateway.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.stride.platform.http.CorrelationId;

/** Wearables post batches of telemetry samples here. */
@Path("/api/v1/telemetry/batches")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TelemetryBatchResource {

    private final BatchIngestion ingestion;

    TelemetryBatchResource(BatchIngestion ingestion) {
        this.ingestion = ingestion;
    }

    /**
     * Accepts a batch: 202 when every sample is valid; 400 {@code validation_failed} naming each refused sample when
     * some are not (the valid ones are published all the same); 413 when the batch holds too many samples; 429
     * with {@code Retry-After} while the gateway has too many samples waiting for Kafka.
     */
    @POST
    public Uni<RestResponse<BatchAccepted>> ingest(BatchRequest request) {
        return ingestion.ingest(request == null ? null : request.samples(), CorrelationId.currentOrNew())
                .map(outcome -> {
                    if (!outcome.rejected().isEmpty()) {
                        throw outcome.rejection();
                    }
                    return RestResponse.accepted(new BatchAccepted(outcome.accepted(),
                            outcome.highestSequenceNumbers()));
                });
    }
}
