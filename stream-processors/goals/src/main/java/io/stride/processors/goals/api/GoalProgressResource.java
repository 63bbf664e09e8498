package io.stride.processors.goals.api;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.stride.platform.http.ApiException;
import io.stride.platform.http.PeerHttp;
import io.stride.platform.security.Roles;
import io.stride.platform.workoutfacts.WorkoutEntry;
import io.stride.processors.goals.domain.Goal;
import io.stride.processors.goals.domain.GoalWorkout;
import io.stride.processors.goals.topology.AthleteGoals;
import io.stride.processors.goals.topology.GoalsTopology;

/**
 * The caller's goals with their progress in the current period ("2.3 km to your weekly goal"), read from the stores
 * of the athlete's partition where its task is active: here, or on the instance Kafka Streams names for it (forwarded
 * with the caller's token, {@code ?local=true}). 503 with {@code Retry-After} while the stores load or move.
 */
@Path("/api/v1/goals/progress")
@Produces(MediaType.APPLICATION_JSON)
public class GoalProgressResource {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final KafkaStreams streams;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final PeerHttp peers = new PeerHttp("goals-processor", Duration.ofSeconds(2));

    public GoalProgressResource(KafkaStreams streams, SecurityIdentity identity, Clock clock) {
        this.streams = streams;
        this.identity = identity;
        this.clock = clock;
    }

    /** One goal's standing in its current period. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Standing(@JsonProperty("goal_id") String goalId, @JsonProperty("goal_type") String goalType,
            String period, double target, Double progress, Double remaining, boolean reached,
            @JsonProperty("reached_at") Instant reachedAt, boolean paused) {
    }

    @GET
    @Blocking
    @RolesAllowed({Roles.ATHLETE, Roles.ADMIN})
    public Response progress(@QueryParam("local") boolean local, @HeaderParam("Authorization") String authorization) {
        String athlete = caller();
        KeyQueryMetadata home;
        try {
            home = streams.queryMetadataForKey(GoalsTopology.GOALS_STORE, athlete, Serdes.String().serializer());
        } catch (IllegalStateException notRunning) {
            throw loading();
        }
        if (home == null || KeyQueryMetadata.NOT_AVAILABLE.equals(home)) {
            throw loading();
        }
        try {
            return Response.ok(Map.of("goals", standings(athlete, home.partition()))).build();
        } catch (InvalidStateStoreException notHere) {
            if (local) {
                throw loading();
            }
            // the athlete's task runs on another instance: read there
            HttpResponse<String> answer = peers.get(home.activeHost().host(), home.activeHost().port(),
                    "/api/v1/goals/progress?local=true", authorization, this::loading);
            return Response.status(answer.statusCode()).entity(answer.body()).type(MediaType.APPLICATION_JSON)
                    .build();
        }
    }

    /** The athlete's standings from the stores of their partition, active here (else InvalidStateStoreException). */
    private List<Standing> standings(String athlete, int partition) {
        ReadOnlyKeyValueStore<String, byte[]> goals = store(GoalsTopology.GOALS_STORE, partition);
        ReadOnlyKeyValueStore<String, WorkoutEntry> workouts = store(GoalsTopology.WORKOUTS_STORE, partition);
        ReadOnlyKeyValueStore<String, String> athletes = store(GoalsTopology.ATHLETES_STORE, partition);
        ReadOnlyKeyValueStore<String, Long> fired = store(GoalsTopology.FIRED_STORE, partition);
        List<GoalWorkout> counted = AthleteGoals.workouts(workouts, athlete);
        ZoneId zone = AthleteGoals.zone(athletes.get(athlete));
        Instant now = clock.instant();
        List<Standing> standings = new ArrayList<>();
        for (Goal goal : AthleteGoals.goals(goals, athlete)) {
            String period = goal.periodAt(now, zone);
            Double progress = goal.progress(counted, zone, now);
            Long reachedAt = fired.get(AthleteGoals.firedKey(athlete, goal.goalId(), period));
            standings.add(new Standing(goal.goalId(), goal.type(), period, goal.target(), progress,
                    progress == null ? null : Math.max(0, goal.target() - progress), reachedAt != null,
                    reachedAt == null ? null : Instant.ofEpochMilli(reachedAt), goal.paused()));
        }
        return standings;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition));
    }

    private String caller() {
        try {
            return UUID.fromString(identity.getPrincipal().getName()).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthenticated("The credential does not name a user");
        }
    }

    private ApiException loading() {
        return ApiException.unavailable("The goals are loading, retry shortly", RETRY_AFTER);
    }
}
