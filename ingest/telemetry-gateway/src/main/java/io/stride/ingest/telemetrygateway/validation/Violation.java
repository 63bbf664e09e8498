package io.stride.ingest.telemetrygateway.validation;

/** Why one field of a sample was refused. */
public record Violation(String field, String message) {
}
