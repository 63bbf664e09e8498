package io.stride.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtHandler;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the app with the console JSON format that the library turns on in prod, and checks a line that a resource
 * logs inside a traced, correlated request.
 */
@QuarkusTest
@TestProfile(JsonLogFormatTest.JsonConsoleLogs.class)
class JsonLogFormatTest {

    /** The prod console format, in the test profile (keeps the test config, e.g. no OTLP export). */
    public static class JsonConsoleLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json.enabled", "true");
        }
    }

    private static final List<String> REQUIRED_FIELDS = List.of(
            "timestamp", "level", "service", "caller_service", "trace_id", "correlation_id", "span_id");

    @Test
    void shouldWriteRequiredTopLevelFieldsWhenAppLogsInsideRequest() throws Exception {
        // given
        List<PlatformJsonLogFormatter> wrapped = platformFormatters(Logger.getLogger("").getHandlers());
        assertThat(wrapped).as("JSON console formatter wrapped by the library").isNotEmpty();
        PlatformJsonLogFormatter consoleFormatter = wrapped.getFirst();
        String marker = UUID.randomUUID().toString();
        JsonNode line;
        try (LogCapture capture = LogCapture.install(consoleFormatter)) {

            // when
            given().header(StrideHeaders.CORRELATION_ID, "json-log-1")
                    .header(StrideHeaders.CALLER_SERVICE, "goal-commands")
                    .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                    .queryParam("marker", marker)
                    .get("/api/v3/context/log")
                    .then()
                    .statusCode(200);
            String formatted = capture.lines().stream()
                    .filter(text -> text.contains(marker))
                    .findFirst()
                    .orElseThrow();
            line = new ObjectMapper().readTree(formatted);
        }

        // then
        List<String> fields = new ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertThat(fields.subList(0, REQUIRED_FIELDS.size())).containsExactlyElementsOf(REQUIRED_FIELDS);
        assertThat(fields).doesNotContain("mdc", "traceId", "spanId", "sequence", "loggerClassName");
        assertThat(line.get("timestamp").asText()).isNotBlank();
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("service").asText()).isEqualTo("http-conventions-test");
        assertThat(line.get("caller_service").asText()).isEqualTo("goal-commands");
        assertThat(line.get("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.get("correlation_id").asText()).isEqualTo("json-log-1");
        assertThat(line.get("span_id").asText()).matches("[0-9a-f]{16}");
        assertThat(line.get("message").asText()).contains(marker);
    }

    private static List<PlatformJsonLogFormatter> platformFormatters(Handler[] handlers) {
        List<PlatformJsonLogFormatter> found = new ArrayList<>();
        for (Handler handler : handlers) {
            if (handler.getFormatter() instanceof PlatformJsonLogFormatter formatter) {
                found.add(formatter);
            }
            if (handler instanceof ExtHandler parent) {
                found.addAll(platformFormatters(parent.getHandlers()));
            }
        }
        return found;
    }
}
