package io.stride.platform.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Maps every exception that leaves a JAX-RS resource to the platform's error body. App mappers with the default
 * priority win over these for the same exception type; mappers for more specific types win anyway.
 *
 * <p>Public only because Quarkus-generated code calls it from another class loader when the library is a
 * dependency; it is wiring, not API.
 */
public class PlatformExceptionMappers {

    /** Lower precedence than an app's {@code @ServerExceptionMapper} with the default priority. */
    static final int PRIORITY = Priorities.USER + 1000;
    /** Higher precedence than Quarkus' built-in mappers for Jackson and Bean Validation exceptions. */
    static final int OVER_BUILT_IN_PRIORITY = Priorities.USER - 1000;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapApiException(ApiException e, ContainerRequestContext request) {
        if (e.status() >= 500) {
            Log.warnf("request failed status=%d error=%s method=%s path=%s",
                    e.status(), e.error(), request.getMethod(), request.getUriInfo().getPath());
        }
        Response.ResponseBuilder builder = json(e.toBody());
        VertxErrorWriter.retryAfter(e).forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapWebApplicationException(WebApplicationException e, ContainerRequestContext request) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status < 400) {
            return original;
        }
        if (original.hasEntity() && original.getEntity() instanceof ErrorBody) {
            return original;
        }
        if (e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            Response mapped = mapCause(e.getCause(), request);
            if (mapped != null) {
                return mapped;
            }
        }
        if (status >= 500) {
            logUnexpected(e, request);
        }
        Response.ResponseBuilder builder = json(ErrorCatalog.forStatus(status));
        original.getHeaders().forEach((name, values) -> {
            boolean entityHeader = HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name);
            if (!entityHeader) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = OVER_BUILT_IN_PRIORITY)
    public Response mapConstraintViolation(ConstraintViolationException e, ContainerRequestContext request) {
        boolean requestViolation = e instanceof ResteasyReactiveViolationException;
        if (!requestViolation || hasReturnValueViolation(e.getConstraintViolations())) {
            // Not the client's fault: an internal component or a response failed validation.
            logUnexpected(e, request);
            return json(ErrorCatalog.forStatus(500)).build();
        }
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .map(violation -> Map.of(
                        "field", field(violation.getPropertyPath()),
                        "message", violation.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> violation) -> violation.get("field"))
                        .thenComparing(violation -> violation.get("message")))
                .toList();
        return json(new ErrorBody(ErrorCodes.VALIDATION_FAILED, "The request has invalid fields", 400,
                Map.of("violations", violations))).build();
    }

    @ServerExceptionMapper(priority = OVER_BUILT_IN_PRIORITY)
    public Response mapValidationException(ValidationException e, ContainerRequestContext request) {
        logUnexpected(e, request);
        return json(ErrorCatalog.forStatus(500)).build();
    }

    @ServerExceptionMapper(priority = OVER_BUILT_IN_PRIORITY)
    public Response mapMalformedJson(StreamReadException e) {
        return json(new ErrorBody(ErrorCodes.MALFORMED_JSON, "The request body is not valid JSON", 400,
                location(e.getLocation()))).build();
    }

    @ServerExceptionMapper(priority = OVER_BUILT_IN_PRIORITY)
    public Response mapMismatchedInput(MismatchedInputException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        String field = jsonPath(e.getPath());
        if (!field.isEmpty()) {
            details.put("field", field);
        }
        if (e.getTargetType() != null) {
            details.put("expected", jsonType(e.getTargetType()));
        }
        details.putAll(location(e.getLocation()));
        String message = field.isEmpty()
                ? "The request body does not have the expected shape"
                : "Field '" + field + "' has the wrong type";
        return json(new ErrorBody(ErrorCodes.TYPE_MISMATCH, message, 400, details)).build();
    }

    @ServerExceptionMapper(priority = OVER_BUILT_IN_PRIORITY)
    public Response mapDatabind(DatabindException e, ContainerRequestContext request) {
        // A body cut short ({"samples": [) surfaces as a mapping error wrapping the parser's end-of-input error.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException malformed) {
                return mapMalformedJson(malformed);
            }
        }
        if (e instanceof InvalidDefinitionException) {
            // A type the server cannot (de)serialise: a bug, not a bad request.
            logUnexpected(e, request);
            return json(ErrorCatalog.forStatus(500)).build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (e instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping.getPath());
            if (!field.isEmpty()) {
                details.put("field", field);
            }
        }
        details.putAll(location(e.getLocation()));
        return json(new ErrorBody(ErrorCodes.BAD_REQUEST, "The request body has an invalid value", 400, details))
                .build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapUnexpected(Throwable e, ContainerRequestContext request) {
        logUnexpected(e, request);
        return json(ErrorCatalog.forStatus(500)).build();
    }

    private Response mapCause(Throwable cause, ContainerRequestContext request) {
        return switch (cause) {
            case ApiException api -> mapApiException(api, request);
            case ConstraintViolationException violation -> mapConstraintViolation(violation, request);
            case MismatchedInputException mismatch -> mapMismatchedInput(mismatch);
            case StreamReadException malformed -> mapMalformedJson(malformed);
            case DatabindException databind -> mapDatabind(databind, request);
            default -> null;
        };
    }

    private static void logUnexpected(Throwable e, ContainerRequestContext request) {
        Log.errorf(e, "request failed status=500 method=%s path=%s",
                request.getMethod(), request.getUriInfo().getPath());
    }

    private static Response.ResponseBuilder json(ErrorBody body) {
        return Response.status(body.code())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body);
    }

    private static Map<String, Object> location(JsonLocation location) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (location != null && location.getLineNr() > 0) {
            details.put("line", location.getLineNr());
            details.put("column", location.getColumnNr());
        }
        return details;
    }

    /** {@code items[2].bpm} from Jackson's reference chain. */
    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** JSON's name for the expected type, so that no Java class name reaches the client. */
    static String jsonType(Class<?> type) {
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "object";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == Character.class
                || type.getPackageName().startsWith("java.")) {
            return "string";
        }
        return "object";
    }

    /**
     * The client's name of a violated field: method and body-parameter nodes are dropped ({@code create.body.name}
     * becomes {@code name}), a simple parameter keeps its name ({@code list.limit} becomes {@code limit}).
     */
    static String field(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            boolean last = i == nodes.size() - 1;
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE || (kind == ElementKind.PARAMETER && !last)) {
                continue;
            }
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(position == null ? "" : position).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }

    private static boolean hasReturnValueViolation(Iterable<ConstraintViolation<?>> violations) {
        for (ConstraintViolation<?> violation : violations) {
            Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
            if (nodes.hasNext() && nodes.next().getKind() == ElementKind.METHOD
                    && nodes.hasNext() && nodes.next().getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }
}
