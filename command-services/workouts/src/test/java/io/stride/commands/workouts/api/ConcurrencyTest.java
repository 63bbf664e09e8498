package io.stride.commands.workouts.api;

import static io.stride.commands.workouts.api.Calls.command;
import static io.stride.commands.workouts.api.Calls.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
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

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.stride.commands.workouts.TestPlatform;
import io.stride.commands.workouts.application.WorkoutService;
import io.stride.platform.security.Roles;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/**
 * Many clients race commands on one workout: the stream has no gap and no duplicate version, every winner's event is
 * in it, and every loser got 409 {@code version_conflict} with nothing appended. Without {@code If-Match} a loser is
 * decided again on the new version, so most win.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class ConcurrencyTest {

    @Inject
    WorkoutService workouts;

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

    /** live-workout's claim, as the owners consumer hands it to the service: how many workouts it started. */
    private int claim(WorkoutService.Claim claim) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> workouts.startClaimed(List.of(claim)));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Test
    void shouldCompleteAnImportThatDecidedBeforeItsSamplesClaimStartedTheWorkout() throws Exception {
        // given: recordings whose samples live-workout claims while the gateway imports them; the claim and the
        // import each decide on the workout not existing yet, and the claim asks to append first
        UUID athlete = TestPlatform.athlete();
        String bearer = TestIssuer.bearer(athlete, Roles.ATHLETE);
        Instant start = Instant.parse("2015-05-17T06:30:00Z");
        ExecutorService racers = Executors.newFixedThreadPool(2);
        List<String> startedBy = new ArrayList<>();
        try {
            for (int round = 0; round < 10; round++) {
                UUID workoutId = UUID.randomUUID();
                Future<Integer> claimed;
                Future<Response> imported;
                try (AutoCloseable held = TestPlatform.holdAppends()) {
                    claimed = racers.submit(() -> claim(new WorkoutService.Claim(workoutId, athlete, start)));
                    // (at least: on a shared devstack the app's own consumers may append, and wait, too)
                    await().until(TestPlatform::appendsWaiting, waiting -> waiting >= 1);
                    imported = racers.submit(() -> command(bearer)
                            .body(Map.of("workout_id", workoutId.toString(), "sport", "running",
                                    "start_time", start.toString(), "end_time", start.plusSeconds(599).toString()))
                            .post("/api/v1/workouts/imports"));
                    await().until(TestPlatform::appendsWaiting, waiting -> waiting >= 2);
                    // when: the hold ends and both append at once
                }

                // then: whichever appended first, the import completes the workout with the recording's sport
                claimed.get(60, TimeUnit.SECONDS);
                startedBy.add(imported.get(60, TimeUnit.SECONDS).then().statusCode(202)
                        .body("status", equalTo("COMPLETING"))
                        .body("sport", equalTo("RUNNING"))
                        .body("start_time", equalTo(start.toString()))
                        .extract().path("started_by"));
            }
        } finally {
            racers.shutdownNow();
        }
        assertThat(startedBy).as("the claim started some, and the imports that lost to it were decided again")
                .contains("SAMPLES");
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

        // when: each appends on whatever version it read; one that read a version another appended first is decided
        // again on the new one, and loses only after the service's few re-decisions
        List<Outcome> outcomes = race(bearer, workoutId, null);

        // then
        List<Outcome> winners = outcomes.stream().filter(outcome -> outcome.status() == 200).toList();
        // a client that lost all four decisions saw four versions appended by others, each by a winner
        assertThat(winners).hasSizeGreaterThanOrEqualTo(4);
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
