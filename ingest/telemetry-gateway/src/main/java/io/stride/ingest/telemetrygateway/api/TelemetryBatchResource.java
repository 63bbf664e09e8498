package io.stride.ingest.telemetrygateway.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.ingest.telemetrygateway.messaging.SamplePublisher;
import io.stride.ingest.telemetrygateway.validation.SampleCheck;
import io.stride.ingest.telemetrygateway.validation.SampleValidator;
import io.stride.ingest.telemetrygateway.validation.ValidSample;
import io.stride.platform.http.CorrelationId;
import io.stride.platform.http.ApiException;

/** Wearables post batches of telemetry samples here. */
@Path("/api/v1/telemetry/batches")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TelemetryBatchResource {

    private final SampleValidator validator;
    private final SamplePublisher publisher;
    private final BatchLimits limits;
    private final Clock clock;

    TelemetryBatchResource(SampleValidator validator, SamplePublisher publisher, BatchLimits limits, Clock clock) {
        this.validator = validator;
        this.publisher = publisher;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Accepts a batch: 202 when every sample is valid; 400 {@code validation_failed} naming each refused sample when
     * some are not (the valid ones are published all the same); 413 when the batch holds too many samples.
     */
    @POST
    public Uni<RestResponse<BatchAccepted>> ingest(BatchRequest request) {
        String correlationId = CorrelationId.currentOrNew();
        List<JsonNode> samples = request == null ? null : request.samples();
        limits.checkSize(samples);
        Instant now = clock.instant();
        List<ValidSample> accepted = new ArrayList<>(samples.size());
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (int index = 0; index < samples.size(); index++) {
            switch (validator.check(samples.get(index), now)) {
                case SampleCheck.Accepted(ValidSample sample) -> accepted.add(sample);
                case SampleCheck.Rejected(var violations) -> rejected.add(Map.of("index", index, "violations",
                        violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList()));
            }
        }
        Map<String, Long> highest = highestSequenceNumbers(accepted);
        return publisher.publish(accepted, now, correlationId)
                .invoke(() -> Log.debugf("batch published accepted=%d rejected=%d", accepted.size(), rejected.size()))
                .map(ignored -> {
                    if (!rejected.isEmpty()) {
                        throw rejection(accepted.size(), highest, rejected);
                    }
                    return RestResponse.accepted(new BatchAccepted(accepted.size(), highest));
                });
    }

    /**
     * Some samples were refused. The valid ones are already published, so the client learns exactly which samples
     * to fix and need not resend the others (a resend would be absorbed downstream as duplicates anyway).
     */
    private static ApiException rejection(int accepted, Map<String, Long> highest, List<Map<String, Object>> rejected) {
        String message = rejected.size() + " of " + (accepted + rejected.size()) + " samples rejected; "
                + accepted + " accepted";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accepted", accepted);
        details.put("highest_sequence_numbers", highest);
        details.put("rejected", rejected);
        return ApiException.validation(message, details);
    }

    private static Map<String, Long> highestSequenceNumbers(List<ValidSample> samples) {
        Map<String, Long> highest = new TreeMap<>();
        for (ValidSample sample : samples) {
            highest.merge(sample.deviceId(), sample.sequenceNumber(), Math::max);
        }
        return highest;
    }
}
