package io.stride.queries.livetracking.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.smallrye.mutiny.Uni;
import io.stride.queries.livetracking.store.ShareLinkStore;

/**
 * Checks a share link before its event stream starts: once a stream has begun, its status line and headers are
 * sent, so an unknown, expired or revoked link must be refused before, with a 404 in the error format.
 */
class SharedStreamGuard {

    private final ShareLinkStore links;

    SharedStreamGuard(ShareLinkStore links) {
        this.links = links;
    }

    @ServerRequestFilter
    Uni<Response> refuseInvalidLink(SimpleResourceInfo resource, UriInfo uri) {
        if (resource.getResourceClass() != SharedWorkoutResource.class || !"stream".equals(resource.getMethodName())) {
            return Uni.createFrom().nullItem();
        }
        return links.find(uri.getPathParameters().getFirst("token"))
                .map(found -> {
                    if (found.isEmpty()) {
                        throw SharedWorkoutResource.notFound();
                    }
                    return null;
                });
    }
}
