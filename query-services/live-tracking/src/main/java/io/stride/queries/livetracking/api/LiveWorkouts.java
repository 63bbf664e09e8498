package io.stride.queries.livetracking.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.stride.queries.livetracking.config.LiveTrackingConfig;
import io.stride.queries.livetracking.mapping.LiveWorkoutViewMapper;
import io.stride.queries.livetracking.store.LiveWorkoutQueries;
import io.stride.queries.livetracking.store.PeerClient;
import io.stride.queries.livetracking.store.ShareLink;

/**
 * Reads live workouts with object-level authorization, from this instance's store or from the peer that holds the
 * workout (which authorizes the forwarded request again). Blocking: interactive queries and peer calls.
 */
@ApplicationScoped
class LiveWorkouts {

    private final LiveWorkoutQueries queries;
    private final PeerClient peers;
    private final LiveTrackingConfig config;

    LiveWorkouts(LiveWorkoutQueries queries, PeerClient peers, LiveTrackingConfig config) {
        this.queries = queries;
        this.peers = peers;
        this.config = config;
    }

    /** The caller's workouts (an admin's: every workout), most recently updated first. */
    List<LiveWorkoutView> list(Caller caller, int limit, boolean localOnly) {
        int bounded = Math.max(1, Math.min(limit, config.maxListSize()));
        List<LiveWorkoutView> views = new ArrayList<>(queries.all().stream()
                .filter(caller::mayRead)
                .map(LiveWorkoutViewMapper::toView)
                .toList());
        if (!localOnly) {
            queries.peers().forEach(peer -> views.addAll(peers.all(peer, bounded, caller.authorization())));
        }
        return views.stream()
                .sorted(Comparator.comparing(LiveWorkoutView::updatedAt).reversed())
                .limit(bounded)
                .toList();
    }

    /** One workout if it exists and the caller may read it; empty otherwise (the two are not told apart). */
    Optional<LiveWorkoutView> find(Caller caller, UUID workoutId, boolean localOnly) {
        if (localOnly) {
            return local(caller, workoutId);
        }
        return switch (queries.locate(workoutId)) {
            case LiveWorkoutQueries.Location.Here here -> local(caller, workoutId);
            case LiveWorkoutQueries.Location.Peer(var host) ->
                    peers.find(host, workoutId, caller.authorization(), !caller.admin());
        };
    }

    /**
     * The workout a valid share link shows, if it is still live and still its owner's, in its public form (no
     * workout, user or device id), whether from this instance or from the peer that holds it.
     */
    Optional<SharedWorkoutView> findShared(ShareLink link, String token, boolean localOnly) {
        if (localOnly) {
            return localShared(link);
        }
        return switch (queries.locate(link.workoutId())) {
            case LiveWorkoutQueries.Location.Here here -> localShared(link);
            case LiveWorkoutQueries.Location.Peer(var host) -> peers.findShared(host, token);
        };
    }

    private Optional<LiveWorkoutView> local(Caller caller, UUID workoutId) {
        return queries.find(workoutId)
                .filter(caller::mayRead)
                .map(LiveWorkoutViewMapper::toView);
    }

    private Optional<SharedWorkoutView> localShared(ShareLink link) {
        return queries.find(link.workoutId())
                .filter(state -> link.userId().equals(String.valueOf(state.getUserId())))
                .map(state -> LiveWorkoutViewMapper.toSharedView(link.id(), state));
    }
}
