package io.stride.ingest.telemetrygateway.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A batch of samples from wearables. Samples are kept as raw JSON so each is checked on its own: one bad sample
 * does not cost the valid ones beside it.
 */
public record BatchRequest(List<JsonNode> samples) {
}
