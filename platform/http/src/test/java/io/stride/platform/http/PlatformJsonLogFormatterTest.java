package io.stride.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.logging.json.runtime.JsonFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PlatformJsonLogFormatterTest {

    private final JsonFormatter quarkusFormatter = new JsonFormatter();
    private final PlatformJsonLogFormatter formatter = new PlatformJsonLogFormatter(quarkusFormatter, "live-workout");

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private static ExtLogRecord record(String message) {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, message, ExtLogRecord.FormatStyle.NO_FORMAT,
                PlatformJsonLogFormatterTest.class.getName());
        record.setLoggerName("io.stride.test");
        return record;
    }

    @Test
    void shouldWriteRequiredFieldsAsNullWhenLoggingOutsideRequest() throws Exception {
        // given
        var record = record("started");

        // when
        String formatted = formatter.format(record);

        // then
        JsonNode line = new ObjectMapper().readTree(formatted);
        assertThat(formatted).endsWith("\n");
        assertThat(line.get("service").asText()).isEqualTo("live-workout");
        assertThat(line.get("caller_service").isNull()).isTrue();
        assertThat(line.get("trace_id").isNull()).isTrue();
        assertThat(line.get("correlation_id").isNull()).isTrue();
        assertThat(line.get("span_id").isNull()).isTrue();
        assertThat(line.get("message").asText()).isEqualTo("started");
    }

    @Test
    void shouldLiftMdcToTopLevelAndRenameOtelKeysWhenMdcHasEntries() throws Exception {
        // given
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        MDC.put("spanId", "00f067aa0ba902b7");
        MDC.put("sampled", "true");
        MDC.put("correlation_id", "c-1");
        MDC.put("workout_id", "w-9");
        quarkusFormatter.setExcludedKeys(Set.of("sequence"));
        var record = record("lap recorded");

        // when
        JsonNode line = new ObjectMapper().readTree(formatter.format(record));

        // then
        assertThat(line.get("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.get("span_id").asText()).isEqualTo("00f067aa0ba902b7");
        assertThat(line.get("correlation_id").asText()).isEqualTo("c-1");
        assertThat(line.get("workout_id").asText()).isEqualTo("w-9");
        assertThat(line.has("mdc")).isFalse();
        assertThat(line.has("sampled")).isFalse();
        assertThat(line.has("sequence")).isFalse();
    }
}
