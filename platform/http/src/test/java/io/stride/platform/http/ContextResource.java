package io.stride.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.MDC;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Test-only resource that reports what the library bound to the request's context. */
@Path("/api/v3/context")
@Produces(MediaType.APPLICATION_JSON)
public class ContextResource {

    /** Runs on a worker thread (blocking signature). */
    @GET
    public Map<String, Object> blocking() {
        return snapshot();
    }

    /** Runs on the event loop (reactive signature). */
    @GET
    @Path("/reactive")
    public Uni<Map<String, Object>> reactive() {
        return Uni.createFrom().item(this::snapshot);
    }

    @GET
    @Path("/log")
    public Map<String, Object> log(@QueryParam("marker") String marker) {
        Log.infof("context probe marker=%s", marker);
        return snapshot();
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new HashMap<>();
        snapshot.put("correlation_id", CorrelationId.current().orElse(null));
        snapshot.put("caller_service", MDC.get(CorrelationId.CALLER_SERVICE_MDC_KEY));
        snapshot.put("trace_id", MDC.get("traceId"));
        snapshot.put("span_id", MDC.get("spanId"));
        snapshot.put("kafka_header", new String(
                KafkaCorrelation.headers().lastHeader(KafkaCorrelation.HEADER).value(), StandardCharsets.UTF_8));
        return snapshot;
    }
}
