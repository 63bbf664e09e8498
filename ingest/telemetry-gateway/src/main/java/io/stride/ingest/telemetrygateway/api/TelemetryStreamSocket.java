package io.stride.ingest.telemetrygateway.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.stride.platform.devices.AuthenticatedDevice;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.CorrelationId;
import io.stride.platform.http.ErrorCodes;
import io.stride.platform.http.StrideHeaders;

/**
 * For wearables that stay connected: each text message is a batch ({@code {"samples": [...]}}, as over HTTP) and is
 * answered, in order, by one message:
 * <ul>
 * <li>{@code {"type": "ack", "accepted", "highest_sequence_numbers", "rejected"}} once Kafka holds the valid
 * samples — after a dropped connection a device resends from the highest sequence number acknowledged;</li>
 * <li>{@code {"type": "error", "error", "message", "code", "details"}} in the platform's error format when the
 * batch was refused whole (malformed JSON, too many samples, {@code rate_limited} while the gateway is at capacity).
 * The connection stays open.</li>
 * </ul>
 * The upgrade request must carry the device's credential ({@code Authorization: Device <deviceId>.<secret>}); without
 * a valid one {@link DeviceUpgradeCheck} refuses the upgrade with 401. A batch naming another device or user than
 * the credential's is answered with a {@code forbidden} error (nothing published).
 */
@PermitAll
@WebSocket(path = "/api/v1/telemetry/stream", endpointId = TelemetryStreamSocket.ENDPOINT_ID)
public class TelemetryStreamSocket {

    static final String ENDPOINT_ID = "telemetry-stream";

    private final BatchIngestion ingestion;
    private final ObjectMapper json;

    TelemetryStreamSocket(BatchIngestion ingestion, ObjectMapper json) {
        this.ingestion = ingestion;
        this.json = json;
    }

    @OnOpen
    void onOpen(WebSocketConnection connection) {
        Log.debugf("telemetry stream opened connectionId=%s", connection.id());
    }

    @OnTextMessage
    Uni<String> onBatch(String message, WebSocketConnection connection) {
        String correlationId = correlationId(connection);
        BatchRequest request;
        try {
            request = json.readValue(message, BatchRequest.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(error(new ApiException(400, ErrorCodes.MALFORMED_JSON,
                    "The message is not a JSON batch: {\"samples\": [...]}", Map.of())));
        }
        List<JsonNode> samples = request == null ? null : request.samples();
        // Deferred so that refusals raised before publishing (size, capacity) take the same path as later ones.
        AuthenticatedDevice device = connection.userData().get(DeviceUpgradeCheck.DEVICE);
        return Uni.createFrom().deferred(() -> ingestion.ingest(samples, device, correlationId))
                .map(this::ack)
                .onFailure(ApiException.class).recoverWithItem(failure -> error((ApiException) failure));
    }

    private static String correlationId(WebSocketConnection connection) {
        String fromHandshake = connection.handshakeRequest().header(StrideHeaders.CORRELATION_ID);
        return fromHandshake != null && !fromHandshake.isBlank() ? fromHandshake : CorrelationId.generate();
    }

    private String ack(BatchIngestion.Outcome outcome) {
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("type", "ack");
        ack.putAll(outcome.details());
        return write(ack);
    }

    private String error(ApiException refused) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "error");
        error.put("error", refused.error());
        error.put("message", refused.getMessage());
        error.put("code", refused.status());
        error.put("details", refused.details());
        return write(error);
    }

    private String write(Map<String, Object> message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer not serialisable", e);
        }
    }
}
