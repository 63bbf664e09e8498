package io.stride.ingest.telemetrygateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SampleValidatorTest {

    private static final Instant NOW = Instant.parse("2025-04-05T15:10:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SampleValidator validator = new SampleValidator(
            new SampleLimits(Duration.ofMinutes(5), Duration.ofDays(7)));

    private static ObjectNode validSample() {
        ObjectNode node = JSON.createObjectNode();
        node.put("device_id", "watch-1");
        node.put("workout_id", "6f1c2b0e-4a7d-4f43-9b1e-2d5f0c9a1e01");
        node.put("user_id", "0b9e7c3a-1d2f-4e5a-8b6c-7d8e9f0a1b2c");
        node.put("sequence_number", 7);
        node.put("recorded_at", "2025-04-05T15:00:00Z");
        node.put("latitude", 55.7558);
        node.put("longitude", 37.6173);
        node.put("heart_rate_bpm", 140);
        return node;
    }

    @Test
    void shouldAcceptSampleWhenEveryFieldIsPlausible() {
        // given
        ObjectNode node = validSample();
        node.put("altitude_meters", 150.5);
        node.put("accuracy_meters", 4.0);
        node.put("speed_meters_per_second", 3.2);
        node.put("cadence_rpm", 170);
        node.put("power_watts", 250);

        // when
        SampleCheck check = validator.check(node, NOW);

        // then
        assertThat(check).isEqualTo(new SampleCheck.Accepted(new ValidSample("watch-1",
                UUID.fromString("6f1c2b0e-4a7d-4f43-9b1e-2d5f0c9a1e01"),
                UUID.fromString("0b9e7c3a-1d2f-4e5a-8b6c-7d8e9f0a1b2c"), 7, Instant.parse("2025-04-05T15:00:00Z"),
                55.7558, 37.6173, 150.5, 4.0, 140, 3.2, 170, 250)));
    }

    @Test
    void shouldAcceptSampleWhenOptionalSensorsAreMissing() {
        // given
        ObjectNode node = validSample();
        node.remove("latitude");
        node.remove("longitude");
        node.remove("heart_rate_bpm");

        // when
        SampleCheck check = validator.check(node, NOW);

        // then
        assertThat(check).isInstanceOf(SampleCheck.Accepted.class);
    }

    @ParameterizedTest
    @CsvSource({
            "latitude, 90.5, must be between -90 and 90",
            "longitude, -181, must be between -180 and 180",
            "heart_rate_bpm, 300, must be between 20 and 250",
            "heart_rate_bpm, 12, must be between 20 and 250",
            "speed_meters_per_second, -1, must be between 0 and 100",
            "sequence_number, -3, must be between 0 and 9223372036854775807",
            "cadence_rpm, 400, must be between 0 and 300",
            "power_watts, 5000, must be between 0 and 3000",
    })
    void shouldRejectFieldWhenOutOfRange(String field, double value, String message) {
        // given
        ObjectNode node = validSample();
        if (field.equals("latitude") || field.equals("longitude") || field.equals("speed_meters_per_second")) {
            node.put(field, value);
        } else {
            node.put(field, (long) value);
        }

        // when
        SampleCheck check = validator.check(node, NOW);

        // then
        assertThat(check).isEqualTo(new SampleCheck.Rejected(java.util.List.of(new Violation(field, message))));
    }

    @Test
    void shouldListEveryViolationWhenSeveralFieldsAreWrong() {
        // given
        ObjectNode node = validSample();
        node.remove("device_id");
        node.put("workout_id", "not-a-uuid");
        node.put("recorded_at", "yesterday");
        node.put("heart_rate_bpm", "fast");

        // when
        SampleCheck check = validator.check(node, NOW);

        // then
        assertThat(check).isInstanceOf(SampleCheck.Rejected.class);
        assertThat(((SampleCheck.Rejected) check).violations()).containsExactly(
                new Violation("device_id", "is required"),
                new Violation("workout_id", "must be a UUID"),
                new Violation("recorded_at", "must be an ISO-8601 UTC timestamp, e.g. 2025-04-05T15:00:00Z"),
                new Violation("heart_rate_bpm", "must be an integer"));
    }

    @Test
    void shouldRejectSampleWhenRecordedInTheFutureBeyondClockSkew() {
        // given
        ObjectNode node = validSample();
        node.put("recorded_at", "2025-04-05T15:16:00Z");

        // when
        SampleCheck check = validator.check(node, NOW);

        // then
        assertThat(check).isEqualTo(new SampleCheck.Rejected(java.util.List.of(new Violation("recorded_at",
                "must be between 2025-03-29T15:10:00Z and 2025-04-05T15:15:00Z"))));
    }

    @Test
    void shouldRejectPositionWhenOnlyOneCoordinateIsSent() {
        // given
        ObjectNode node = validSample();
        node.remove("longitude");

        // when
        SampleCheck check = validator.check(node, NOW);

        // then
        assertThat(check).isEqualTo(new SampleCheck.Rejected(java.util.List.of(
                new Violation("longitude", "latitude and longitude come together"))));
    }

    @Test
    void shouldRejectSampleWhenItIsNotAnObject() {
        // when
        SampleCheck check = validator.check(JSON.getNodeFactory().textNode("hello"), NOW);

        // then
        assertThat(check).isEqualTo(new SampleCheck.Rejected(java.util.List.of(
                new Violation("", "must be a JSON object"))));
    }
}
