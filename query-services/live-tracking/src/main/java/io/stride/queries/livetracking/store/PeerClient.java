package io.stride.queries.livetracking.store;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.streams.state.HostInfo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stride.platform.http.ApiException;
import io.stride.platform.http.PeerHttp;
import io.stride.queries.livetracking.api.LiveWorkoutView;
import io.stride.queries.livetracking.api.SharedWorkoutView;
import io.stride.queries.livetracking.config.LiveTrackingConfig;

/**
 * Asks another live-tracking instance for the workouts it holds. Forwarded requests carry {@link #LOCAL_ONLY} so
 * the peer answers from its own store and never forwards again, even while a rebalance moves partitions. They also
 * carry the caller's credential (the {@code Authorization} header, or the share token in the path): the peer
 * authorizes the request exactly as if the caller had asked it, so {@link #LOCAL_ONLY} grants nothing.
 */
@ApplicationScoped
public class PeerClient {

    /** Query parameter: answer from this instance's store only. */
    public static final String LOCAL_ONLY = "local";
    /** Query parameter: answer only with the caller's own workout, even for an admin. */
    public static final String OWN_ONLY = "own";

    private final PeerHttp http;
    private final ObjectMapper json;
    private final LiveTrackingConfig config;

    PeerClient(ObjectMapper json, LiveTrackingConfig config) {
        this.json = json;
        this.config = config;
        this.http = new PeerHttp("live-tracking", config.peerTimeout());
    }

    /**
     * One workout from the peer that holds it, as the caller with this {@code Authorization} header may see it
     * ({@code ownOnly}: only if it is the caller's own, even for an admin); empty when the peer has no such workout
     * or the caller may not see it.
     */
    public Optional<LiveWorkoutView> find(HostInfo peer, UUID workoutId, String authorization, boolean ownOnly) {
        return one(get(peer, "/api/v1/live-workouts/" + workoutId + "?" + LOCAL_ONLY + "=true"
                + (ownOnly ? "&" + OWN_ONLY + "=true" : ""), authorization), new TypeReference<LiveWorkoutView>() { });
    }

    /**
     * The workout a share link shows, from the peer that holds it, in the public form the peer answers (no workout,
     * user or device id); empty when unknown there.
     */
    public Optional<SharedWorkoutView> findShared(HostInfo peer, String shareToken) {
        return one(get(peer, "/api/v1/shared/" + shareToken + "?" + LOCAL_ONLY + "=true", null),
                new TypeReference<SharedWorkoutView>() { });
    }

    /** Every workout a peer holds that the caller with this {@code Authorization} header may see. */
    public List<LiveWorkoutView> all(HostInfo peer, int limit, String authorization) {
        HttpResponse<String> response = get(peer, "/api/v1/live-workouts?limit=" + limit + "&" + LOCAL_ONLY + "=true",
                authorization);
        return read(response, new TypeReference<List<LiveWorkoutView>>() { });
    }

    private <T> Optional<T> one(HttpResponse<String> response, TypeReference<T> type) {
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(response, type));
    }

    private HttpResponse<String> get(HostInfo peer, String pathAndQuery, String authorization) {
        return http.get(peer.host(), peer.port(), pathAndQuery, authorization, () -> peerUnavailable(peer));
    }

    private <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        return PeerHttp.body(response, json, type, () -> ApiException.unavailable(
                "Live workouts are moving between instances, retry shortly",
                Duration.ofSeconds(config.retryAfterSeconds())));
    }

    private ApiException peerUnavailable(HostInfo peer) {
        return ApiException.unavailable("The instance holding this workout (" + peer.host() + ":" + peer.port()
                + ") does not answer, retry shortly", Duration.ofSeconds(config.retryAfterSeconds()));
    }
}
