package io.stride.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** Test-only plain Vert.x route, outside JAX-RS. */
@ApplicationScoped
class TestRoutes {

    static final String VERTX_BUG_MESSAGE = "vertx internals of io.stride.Internal";

    void install(@Observes Router router) {
        router.get("/test/vertx-failure").handler(ctx -> {
            throw new IllegalStateException(VERTX_BUG_MESSAGE);
        });
    }
}
