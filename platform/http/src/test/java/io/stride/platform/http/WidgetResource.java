package io.stride.platform.http;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.mutiny.Uni;

/** Test-only resource of the current version (v3 in the test config). */
@Path("/api/v3/widgets")
@Produces(MediaType.APPLICATION_JSON)
public class WidgetResource {

    /** Request body with Bean Validation constraints. */
    public record WidgetRequest(@NotBlank String name, @Min(1) int quantity, List<@NotBlank String> tags) {
    }

    @GET
    public Uni<Map<String, Object>> list(@QueryParam("limit") @Max(100) Integer limit) {
        return Uni.createFrom().item(Map.of("version", 3, "limit", limit == null ? 10 : limit));
    }

    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> get(@PathParam("id") String id) {
        if (id.equals("missing")) {
            return Uni.createFrom().failure(ApiException.notFound("widget", id));
        }
        return Uni.createFrom().item(Map.of("id", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public Uni<Map<String, Object>> create(@Valid @NotNull WidgetRequest body) {
        return Uni.createFrom().item(Map.of("name", body.name(), "quantity", body.quantity()));
    }
}
