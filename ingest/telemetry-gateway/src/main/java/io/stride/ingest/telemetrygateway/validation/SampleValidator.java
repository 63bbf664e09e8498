package io.stride.ingest.telemetrygateway.validation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks one sample of a batch, field by field, so that a bad sample never costs the good ones beside it.
 * Field names are the API's snake_case names. Bounds are physiological or physical limits, not athletic ones:
 * heart rate 20–250 bpm, speed 0–100 m/s, cadence 0–300 rpm, power 0–3000 W, altitude −500–9,000 m.
 */
public final class SampleValidator {

    private final SampleLimits limits;

    public SampleValidator(SampleLimits limits) {
        this.limits = limits;
    }

    public SampleCheck check(JsonNode node, Instant now) {
        if (node == null || !node.isObject()) {
            return new SampleCheck.Rejected(List.of(new Violation("", "must be a JSON object")));
        }
        Fields fields = new Fields(node);
        String deviceId = fields.text("device_id", true, 128);
        UUID workoutId = fields.uuid("workout_id");
        UUID userId = fields.uuid("user_id");
        Long sequence = fields.integer("sequence_number", true, 0, Long.MAX_VALUE);
        Instant recordedAt = fields.instant("recorded_at", limits.earliest(now), now.plus(limits.maxClockSkew()));
        Double latitude = fields.decimal("latitude", -90, 90);
        Double longitude = fields.decimal("longitude", -180, 180);
        if ((latitude == null) != (longitude == null) && !fields.failed("latitude") && !fields.failed("longitude")) {
            fields.violation(latitude == null ? "latitude" : "longitude", "latitude and longitude come together");
        }
        Double altitude = fields.decimal("altitude_meters", -500, 9_000);
        Double accuracy = fields.decimal("accuracy_meters", 0, 10_000);
        Long heartRate = fields.integer("heart_rate_bpm", false, 20, 250);
        Double speed = fields.decimal("speed_meters_per_second", 0, 100);
        Long cadence = fields.integer("cadence_rpm", false, 0, 300);
        Long power = fields.integer("power_watts", false, 0, 3_000);
        if (!fields.violations.isEmpty()) {
            return new SampleCheck.Rejected(List.copyOf(fields.violations));
        }
        return new SampleCheck.Accepted(new ValidSample(deviceId, workoutId, userId, sequence, recordedAt, latitude,
                longitude, altitude, accuracy, toInt(heartRate), speed, toInt(cadence), toInt(power)));
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }

    /** Reads typed fields and collects violations. */
    private static final class Fields {
        private final JsonNode node;
        private final List<Violation> violations = new ArrayList<>();

        Fields(JsonNode node) {
            this.node = node;
        }

        void violation(String field, String message) {
            violations.add(new Violation(field, message));
        }

        boolean failed(String field) {
            return violations.stream().anyMatch(v -> v.field().equals(field));
        }

        private JsonNode present(String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    violation(field, "is required");
                }
                return null;
            }
            return value;
        }

        String text(String field, boolean required, int maxLength) {
            JsonNode value = present(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                violation(field, "must be a non-empty string");
                return null;
            }
            if (value.asText().length() > maxLength) {
                violation(field, "must be at most " + maxLength + " characters");
                return null;
            }
            return value.asText();
        }

        UUID uuid(String field) {
            String text = text(field, true, 36);
            if (text == null) {
                return null;
            }
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                violation(field, "must be a UUID");
                return null;
            }
        }

        Long integer(String field, boolean required, long min, long max) {
            JsonNode value = present(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                violation(field, "must be an integer");
                return null;
            }
            long number = value.asLong();
            if (number < min || number > max) {
                violation(field, "must be between " + min + " and " + max);
                return null;
            }
            return number;
        }

        Double decimal(String field, double min, double max) {
            JsonNode value = present(field, false);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                violation(field, "must be a number");
                return null;
            }
            double number = value.asDouble();
            if (!Double.isFinite(number) || number < min || number > max) {
                violation(field, "must be between " + fmt(min) + " and " + fmt(max));
                return null;
            }
            return number;
        }

        Instant instant(String field, Instant notBefore, Instant notAfter) {
            String text = text(field, true, 64);
            if (text == null) {
                return null;
            }
            Instant instant;
            try {
                instant = IsoInstants.parse(text);
            } catch (DateTimeParseException e) {
                violation(field, "must be an ISO-8601 UTC timestamp, e.g. 2025-04-05T15:00:00Z");
                return null;
            }
            if (instant.isBefore(notBefore) || instant.isAfter(notAfter)) {
                violation(field, "must be between " + notBefore + " and " + notAfter);
                return null;
            }
            return instant;
        }

        private static String fmt(double bound) {
            return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
        }
    }
}
