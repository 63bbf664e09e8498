package io.stride.platform.http;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only resources of the deprecated (v2) and sunsetted (v1) versions. */
final class LegacyWidgetResources {

    private LegacyWidgetResources() {
    }

    @Path("/api/v2/widgets")
    @Produces(MediaType.APPLICATION_JSON)
    public static class V2 {
        @GET
        public Map<String, Object> list() {
            return Map.of("version", 2);
        }
    }

    @Path("/api/v1/widgets")
    @Produces(MediaType.APPLICATION_JSON)
    public static class V1 {
        @GET
        public Map<String, Object> list() {
            return Map.of("version", 1);
        }
    }
}
