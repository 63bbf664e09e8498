package io.stride.platform.http;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Wraps quarkus-logging-json's formatter so that every JSON line starts with the architecture document's fields
 * at top level: {@code timestamp, level, service, caller_service, trace_id, correlation_id, span_id}.
 *
 * <p>Quarkus 3.33's JSON formatter nests the MDC under {@code "mdc"} and OpenTelemetry names its entries
 * {@code traceId}/{@code spanId}; this lifts the MDC to top level, renames those two and always writes the seven
 * fields (null when unknown, e.g. outside a request). Everything else the delegate wrote (message, loggerName,
 * exception, ...) follows unchanged, so its config keys (excluded-keys, additional-field, ...) still apply.
 */
final class PlatformJsonLogFormatter extends ExtFormatter {

    static final String TIMESTAMP = "timestamp";
    static final String LEVEL = "level";
    static final String SERVICE = "service";
    static final String CALLER_SERVICE = CorrelationId.CALLER_SERVICE_MDC_KEY;
    static final String TRACE_ID = "trace_id";
    static final String CORRELATION_ID = CorrelationId.MDC_KEY;
    static final String SPAN_ID = "span_id";

    private static final String MDC = "mdc";
    private static final Map<String, String> OTEL_MDC_KEYS = Map.of("traceId", TRACE_ID, "spanId", SPAN_ID);
    /** OpenTelemetry MDC entries that the required fields do not include. */
    private static final Set<String> DROPPED_MDC_KEYS = Set.of("sampled", "parentId");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ExtFormatter delegate;
    private final String service;

    PlatformJsonLogFormatter(ExtFormatter delegate, String service) {
        this.delegate = delegate;
        this.service = service;
    }

    ExtFormatter delegate() {
        return delegate;
    }

    @Override
    public String format(ExtLogRecord record) {
        String json = delegate.format(record);
        int end = json.length();
        while (end > 0 && Character.isWhitespace(json.charAt(end - 1))) {
            end--;
        }
        try {
            JsonNode parsed = MAPPER.readTree(json.substring(0, end));
            if (!(parsed instanceof ObjectNode source)) {
                return json;
            }
            return MAPPER.writeValueAsString(flatten(source)) + json.substring(end);
        } catch (Exception e) {
            return json;
        }
    }

    private ObjectNode flatten(ObjectNode source) {
        ObjectNode mdc = MAPPER.createObjectNode();
        if (source.remove(MDC) instanceof ObjectNode nested) {
            nested.properties().forEach(entry -> {
                String key = OTEL_MDC_KEYS.getOrDefault(entry.getKey(), entry.getKey());
                if (!DROPPED_MDC_KEYS.contains(key)) {
                    mdc.set(key, entry.getValue());
                }
            });
        }
        ObjectNode out = MAPPER.createObjectNode();
        out.set(TIMESTAMP, orNull(source.remove(TIMESTAMP)));
        out.set(LEVEL, orNull(source.remove(LEVEL)));
        JsonNode configuredService = source.remove(SERVICE);
        if (configuredService != null && !configuredService.isNull()) {
            out.set(SERVICE, configuredService);
        } else {
            out.put(SERVICE, service);
        }
        for (String key : new String[] {CALLER_SERVICE, TRACE_ID, CORRELATION_ID, SPAN_ID}) {
            out.set(key, orNull(mdc.remove(key)));
        }
        out.setAll(source);
        Iterator<Map.Entry<String, JsonNode>> rest = mdc.properties().iterator();
        while (rest.hasNext()) {
            Map.Entry<String, JsonNode> entry = rest.next();
            if (!out.has(entry.getKey())) {
                out.set(entry.getKey(), entry.getValue());
            }
        }
        return out;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? MAPPER.nullNode() : node;
    }

    @Override
    public boolean isCallerCalculationRequired() {
        return delegate.isCallerCalculationRequired();
    }

    @Override
    public String getHead(Handler handler) {
        return delegate.getHead(handler);
    }

    @Override
    public String getTail(Handler handler) {
        return delegate.getTail(handler);
    }
}
