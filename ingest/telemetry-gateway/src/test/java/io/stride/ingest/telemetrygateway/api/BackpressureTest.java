package io.stride.ingest.telemetrygateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.stride.testing.DevstackResource;

@QuarkusTest
@TestProfile(BackpressureTest.TinyCapacity.class)
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class BackpressureTest {

    /** A gateway that may have at most 2 samples waiting for Kafka. */
    public static class TinyCapacity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("telemetry-gateway.max-in-flight-samples", "2");
        }
    }

    @Test
    void shouldAnswerRateLimitedWithRetryAfterWhenABatchExceedsTheRoomLeft() throws Exception {
        // given: three valid samples, one more than the gateway may hold in flight
        TestDevices.Device device = TestDevices.admitted();
        UUID workout = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder samples = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            samples.append(i > 1 ? "," : "").append("""
                    {"device_id": "%s", "workout_id": "%s", "user_id": "%s", "sequence_number": %d,
                     "recorded_at": "%s"}""".formatted(device.deviceId(), workout, device.userId(), i,
                    at.plusSeconds(i)));
        }

        // when / then: refused whole, nothing buffered, the device is told when to retry
        given().contentType(ContentType.JSON).header("Authorization", device.authorization())
                .body("{\"samples\": [" + samples + "]}")
                .post("/api/v1/telemetry/batches")
                .then()
                .statusCode(429)
                .header("Retry-After", "1")
                .body("error", equalTo("rate_limited"))
                .body("code", equalTo(429));
    }
}
