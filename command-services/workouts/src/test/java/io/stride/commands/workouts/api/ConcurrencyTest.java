package io.stride.commands.workouts.api;

import static io.stride.commands.workouts.api.Calls.command;
import static io.stride.commands.workouts.api.Calls.started;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stride.commands.workouts.TestPlatform;
import io.stride.platform.security.Roles;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/**
 * Many clients race commands on one workout: the stream has no gap and no duplicate version, every winner's event is
 * in it, and every loser got 409 {@code version_conflict} with nothing appended.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class ConcurrencyTest {

    private static final int CLIENTS = 16;

    private record Outcome(String tag, int status, String error) {
    }

    private static List<Outcome> race(String bearer, UUID workoutId, String ifMatch) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String tag = "tag-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
                Callable<Outcome> client = () -> {
                    var request = command(bearer).body(Map.of("tag", tag));
                    if (ifMatch != null) {
                        request.header("If-Match", ifMatch);
                    }
                    start.await(30, TimeUnit.SECONDS);
                    Response response = request.post("/api/v1/workouts/" + workoutId + "/tags");
                    return new Outcome(tag, response.statusCode(),
                            response.statusCode() == 200 ? null : response.path("error"));
                };
                futures.add(clients.submit(client));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<String> storedTags(UUID workoutId) {
        return TestPlatform.query("select payload::jsonb ->> 'tag' as tag from workouts.workout_events where "
                + "workout_id = ? and event_type = 'WorkoutTagAdded' order by version", workoutId).stream()
                .map(row -> (String) row.get("tag"))
                .toList();
    }

    @Test
    void shouldLetExactlyOneWinWhenAllDecidedOnTheSameVersion() throws Exception {
        // given
        String bearer = TestIssuer.bearer(TestPlatform.athlete(), Roles.ATHLETE);
        UUID workoutId = started(bearer);

        // when
        List<Outcome> outcomes = race(bearer, workoutId, "\"1\"");

        // then
        List<Outcome> winners = outcomes.stream().filter(outcome -> outcome.status() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome.status() != 200)
                .hasSize(CLIENTS - 1)
                .allSatisfy(loser -> {
                    assertThat(loser.status()).isEqualTo(409);
                    assertThat(loser.error()).isEqualTo("version_conflict");
                });
        assertThat(TestPlatform.versionsOf(workoutId)).containsExactly(1, 2);
        assertThat(storedTags(workoutId)).containsExactly(winners.getFirst().tag().toLowerCase());
    }

    @Test
    void shouldKeepTheStreamWithoutGapsOrDuplicatesWhenClientsRaceWithoutIfMatch() throws Exception {
        // given
        String bearer = TestIssuer.bearer(TestPlatform.athlete(), Roles.ATHLETE);
        UUID workoutId = started(bearer);

        // when: each appends on whatever version it read; those that read a version another appended first lose
        List<Outcome> outcomes = race(bearer, workoutId, null);

        // then
        List<Outcome> winners = outcomes.stream().filter(outcome -> outcome.status() == 200).toList();
        assertThat(winners).isNotEmpty();
        assertThat(outcomes).filteredOn(outcome -> outcome.status() != 200)
                .allSatisfy(loser -> {
                    assertThat(loser.status()).isEqualTo(409);
                    assertThat(loser.error()).isEqualTo("version_conflict");
                });
        assertThat(TestPlatform.versionsOf(workoutId))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, winners.size() + 1).boxed().toList());
        assertThat(storedTags(workoutId)).containsExactlyInAnyOrderElementsOf(winners.stream()
                .map(Outcome::tag)
                .toList());
    }
}
