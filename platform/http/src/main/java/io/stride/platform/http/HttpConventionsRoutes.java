package io.stride.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Installs the platform's Vert.x routes on the application router, ahead of Quarkus' own upload limit
 * ({@value RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}) and of JAX-RS.
 *
 * <p>Public only because Quarkus-generated code calls it from another class loader when the library is a
 * dependency; it is wiring, not API.
 */
@ApplicationScoped
public class HttpConventionsRoutes {

    static final int ORDER_CORRELATION = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 4;
    static final int ORDER_BODY_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 3;
    static final int ORDER_API_VERSION = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;
    static final int ORDER_ALIASES = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    /** The architecture document's paths, answered by Quarkus' endpoints under the non-application root. */
    static final String METRICS_PATH = "/metrics";
    static final String HEALTH_PATH = "/healthcheck";

    private final CorrelationHandler correlation;
    private final ApiVersionHandler apiVersions;
    private final VertxErrorWriter errors;
    private final BodyHandler chunkedBodies;

    public HttpConventionsRoutes(CorrelationHandler correlation, ApiVersionHandler apiVersions,
            VertxErrorWriter errors) {
        this.correlation = correlation;
        this.apiVersions = apiVersions;
        this.errors = errors;
        this.chunkedBodies = errors.maxBodyBytes()
                .map(limit -> BodyHandler.create(false).setBodyLimit(limit).setHandleFileUploads(false))
                .orElse(null);
    }

    public void install(@Observes Router router) {
        router.route()
                .order(ORDER_CORRELATION)
                .handler(correlation::handle)
                .failureHandler(errors::onFailure);
        router.route()
                .order(ORDER_BODY_LIMIT)
                .handler(this::enforceBodyLimit);
        router.route()
                .order(ORDER_API_VERSION)
                .handler(apiVersions::handle);

        String metricsTarget = metricsTarget(ConfigProvider.getConfig());
        String healthTarget = healthTarget(ConfigProvider.getConfig());
        router.route(METRICS_PATH)
                .order(ORDER_ALIASES)
                .handler(ctx -> ctx.reroute(metricsTarget));
        router.routeWithRegex(HEALTH_PATH + "(/.*)?")
                .order(ORDER_ALIASES)
                .handler(ctx -> ctx.reroute(healthTarget + ctx.normalizedPath().substring(HEALTH_PATH.length())));

        router.errorHandler(404, ctx -> errors.onUnmatched(ctx, 404));
        router.errorHandler(405, ctx -> errors.onUnmatched(ctx, 405));
    }

    /**
     * Quarkus answers a declared oversize body with an empty 413 and does not limit a chunked body that fits its
     * input buffer. This answers a declared oversize body first, in the platform format, and reads a chunked body
     * (no Content-Length) through a bounded body handler, whose 413 reaches the failure handler; JAX-RS then reads
     * the buffered body.
     */
    private void enforceBodyLimit(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (declared == null && chunked && chunkedBodies != null) {
            chunkedBodies.handle(ctx);
            return;
        }
        if (declared != null && errors.maxBodyBytes().isPresent()) {
            long limit = errors.maxBodyBytes().get();
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > limit) {
                // The unread body is still on the wire: close the connection once the answer is out.
                if (ctx.request().version() != HttpVersion.HTTP_2) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    ctx.response().endHandler(ignored -> ctx.request().connection().close());
                }
                errors.write(ctx, errors.payloadTooLarge());
                return;
            }
        }
        ctx.next();
    }

    static String metricsTarget(Config config) {
        String path = config.getOptionalValue("quarkus.micrometer.export.prometheus.path", String.class)
                .orElse("metrics");
        return resolve(nonApplicationRoot(config), path);
    }

    static String healthTarget(Config config) {
        String path = config.getOptionalValue("quarkus.smallrye-health.root-path", String.class).orElse("health");
        return resolve(nonApplicationRoot(config), path);
    }

    private static String nonApplicationRoot(Config config) {
        String root = config.getOptionalValue("quarkus.http.root-path", String.class).orElse("/");
        String nonApplication = config.getOptionalValue("quarkus.http.non-application-root-path", String.class)
                .orElse("q");
        return resolve(root, nonApplication);
    }

    /** Quarkus' rule: an absolute path stands alone, a relative one is joined to its base. */
    static String resolve(String base, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        String trimmedBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmedBase + "/" + path;
    }
}
