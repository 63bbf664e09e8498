package io.stride.platform.http;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import io.stride.platform.http.ApiVersionSelector.Conflict;
import io.stride.platform.http.ApiVersionSelector.Malformed;
import io.stride.platform.http.ApiVersionSelector.NotVersioned;
import io.stride.platform.http.ApiVersionSelector.Selected;
import io.stride.platform.http.ApiVersionsConfig.Status;
import io.stride.platform.http.ApiVersionsConfig.Version;

/**
 * Applies the API version rules before JAX-RS: reroutes {@code /api/...} to {@code /api/v{N}/...}, rejects
 * conflicting or unknown selectors, answers sunsetted versions with 410 and marks deprecated ones.
 *
 * <p>Public only because Quarkus-generated code calls it from another class loader when the library is a
 * dependency; it is wiring, not API.
 */
@ApplicationScoped
public class ApiVersionHandler {

    /** The version a client asked for by vendor media type, kept in the routing context across a reroute. */
    private static final String VENDOR_VERSION_KEY = "stride.api.vendor-version";
    private static final Pattern VENDOR_TYPE = Pattern.compile(
            "application/vnd\\.stride\\.v\\d+\\+json", Pattern.CASE_INSENSITIVE);
    private static final String JSON = "application/json";
    /** RFC 9110 IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private final ApiVersionSelector selector;
    private final Map<Integer, Version> versions;
    private final int currentVersion;
    private final boolean vendorContentType;
    private final VertxErrorWriter errors;

    public ApiVersionHandler(ApiVersionsConfig config, VertxErrorWriter errors) {
        this.selector = new ApiVersionSelector(config.pathPrefix(), config.currentVersion());
        this.versions = new TreeMap<>();
        config.versions().forEach((key, version) -> versions.put(Integer.parseInt(key.strip()), version));
        this.currentVersion = config.currentVersion();
        this.vendorContentType = config.vendorContentType();
        this.errors = errors;
    }

    public void handle(RoutingContext ctx) {
        var selection = selector.select(
                ctx.normalizedPath(),
                ctx.request().headers().getAll(HttpHeaders.ACCEPT),
                ctx.queryParam("version"));
        switch (selection) {
            case NotVersioned notVersioned -> ctx.next();
            case Malformed malformed -> errors.write(ctx, unsupported(malformed.value()));
            case Conflict conflict -> errors.write(ctx, new ErrorBody(ErrorCodes.API_VERSION_CONFLICT,
                    "The API version selectors name different versions", 400,
                    Map.of("selectors", conflict.selectors())));
            case Selected selected -> serve(ctx, selected);
        }
    }

    private void serve(RoutingContext ctx, Selected selected) {
        int version = selected.version();
        if (!isKnown(version)) {
            errors.write(ctx, unsupported(Integer.toString(version)));
            return;
        }
        String canonicalPath = selected.reroutePath().orElse(ctx.normalizedPath());
        Optional<Version> lifecycle = Optional.ofNullable(versions.get(version));
        Status status = lifecycle.map(Version::status).orElse(Status.ACTIVE);
        Map<String, String> lifecycleHeaders = lifecycleHeaders(version, status, lifecycle, canonicalPath);

        if (status == Status.SUNSETTED) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", version);
            lifecycle.flatMap(Version::sunset).ifPresent(date -> details.put("sunset", date.toString()));
            successor(version, lifecycle).ifPresent(successor -> details.put("successor", successor));
            errors.write(ctx, new ErrorBody(ErrorCodes.API_VERSION_SUNSETTED,
                    "API version " + version + " is no longer served", 410, details), lifecycleHeaders);
            return;
        }
        HttpServerResponse response = ctx.response();
        lifecycleHeaders.forEach(response::putHeader);
        if (selected.byAccept()) {
            rewriteAccept(ctx);
            if (vendorContentType) {
                ctx.put(VENDOR_VERSION_KEY, version);
            }
        }
        // Registered on every pass: a reroute drops the headers-end handlers (and the response headers).
        Integer vendorVersion = ctx.get(VENDOR_VERSION_KEY);
        if (vendorVersion != null) {
            ctx.addHeadersEndHandler(ignored -> answerWithVendorType(response, vendorVersion));
        }
        if (selected.reroutePath().isPresent()) {
            String query = ctx.request().query();
            ctx.reroute(canonicalPath + (query == null || query.isEmpty() ? "" : "?" + query));
        } else {
            ctx.next();
        }
    }

    private boolean isKnown(int version) {
        return version == currentVersion || versions.containsKey(version);
    }

    private ErrorBody unsupported(String requested) {
        List<Integer> supported = versions.entrySet().stream()
                .filter(entry -> entry.getValue().status() != Status.SUNSETTED)
                .map(Map.Entry::getKey)
                .toList();
        if (!versions.containsKey(currentVersion)) {
            supported = Stream.concat(supported.stream(), Stream.of(currentVersion))
                    .sorted()
                    .toList();
        }
        return new ErrorBody(ErrorCodes.UNSUPPORTED_API_VERSION, "API version " + requested + " is not supported",
                400, Map.of("requested", requested, "supported", supported));
    }

    private Map<String, String> lifecycleHeaders(int version, Status status, Optional<Version> lifecycle,
            String canonicalPath) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (status == Status.ACTIVE) {
            return headers;
        }
        if (status == Status.DEPRECATED) {
            headers.put(StrideHeaders.DEPRECATION, lifecycle.flatMap(Version::deprecatedSince)
                    .map(date -> "@" + date.atStartOfDay(ZoneOffset.UTC).toEpochSecond())
                    .orElse("true"));
        }
        lifecycle.flatMap(Version::sunset).ifPresent(date -> headers.put(StrideHeaders.SUNSET, httpDate(date)));
        successor(version, lifecycle).ifPresent(successor -> headers.put("Link",
                "<" + selector.inVersion(canonicalPath, successor) + ">; rel=\"successor-version\""));
        return headers;
    }

    private Optional<Integer> successor(int version, Optional<Version> lifecycle) {
        int successor = lifecycle.flatMap(Version::successor).orElse(currentVersion);
        return successor == version ? Optional.empty() : Optional.of(successor);
    }

    /** JAX-RS resources produce {@code application/json}; the vendor type names the same representation. */
    private static void rewriteAccept(RoutingContext ctx) {
        List<String> accepted = ctx.request().headers().getAll(HttpHeaders.ACCEPT);
        List<String> rewritten = accepted.stream()
                .map(value -> VENDOR_TYPE.matcher(value).replaceAll(JSON))
                .toList();
        ctx.request().headers().set(HttpHeaders.ACCEPT.toString(), rewritten);
    }

    private static void answerWithVendorType(HttpServerResponse response, int version) {
        String contentType = response.headers().get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.regionMatches(true, 0, JSON, 0, JSON.length())
                && (contentType.length() == JSON.length() || contentType.charAt(JSON.length()) == ';')) {
            response.putHeader(HttpHeaders.CONTENT_TYPE,
                    ApiVersionSelector.VENDOR_TYPE_PREFIX + version + "+json" + contentType.substring(JSON.length()));
        }
    }

    static String httpDate(LocalDate date) {
        return HTTP_DATE.format(date.atStartOfDay(ZoneOffset.UTC));
    }
}
