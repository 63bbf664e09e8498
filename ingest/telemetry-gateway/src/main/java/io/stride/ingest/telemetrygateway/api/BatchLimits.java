package io.stride.ingest.telemetrygateway.api;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.stride.ingest.telemetrygateway.config.GatewayConfig;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.ErrorCodes;

/** Refuses, before any sample is looked at, batches that are missing, empty or too large. */
@ApplicationScoped
class BatchLimits {

    private final GatewayConfig config;

    BatchLimits(GatewayConfig config) {
        this.config = config;
    }

    void checkSize(List<?> samples) {
        if (samples == null) {
            throw ApiException.invalidField("samples", "samples is required");
        }
        if (samples.isEmpty()) {
            throw ApiException.invalidField("samples", "samples must hold at least one sample");
        }
        if (samples.size() > config.maxBatchSize()) {
            throw new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE,
                    "A batch holds at most " + config.maxBatchSize() + " samples; split it and send the parts",
                    Map.of("max_samples", config.maxBatchSize(), "samples", samples.size()));
        }
    }
}
