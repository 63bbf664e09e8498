package io.stride.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.WorkoutCancelled;
import io.stride.schemas.workout.WorkoutCancelledData;

/**
 * Exactly-once boards under a crash: the leaderboards processor is killed with SIGKILL while completions (with
 * re-deliveries and cancels) flow, then restarted on the same state directory; the day's boards must equal what the
 * input means — every athlete's distance and workout count over the workouts not cancelled, each counted once.
 */
class LeaderboardsCrashIT {

    private static final int ATHLETES = 12;
    private static final int WORKOUTS = 120;

    private final Path root = Checkout.root();

    private AppProcess startProcessor(String applicationId, Path workDir) throws Exception {
        return AppProcess.start(root, "stream-processors/leaderboards", List.of(
                "-Dquarkus.kafka-streams.application-id=" + applicationId,
                "-Dkafka-streams.state.dir=" + workDir.resolve("streams-state")), workDir);
    }

    /** One completed run (started, completed) sealed for its athlete, or its cancel. */
    private record Published(UUID workout, UUID athlete, List<SpecificRecord> events) {
    }

    @Test
    void shouldEndWithBoardsCountingEveryWorkoutOnceWhenTheProcessorIsKilledMidStream() throws Exception {
        // given: twelve athletes with telemetry keys, 120 runs on a day of their own (in the 1980s, where no other
        // test runs) of whole metres, a tenth of them delivered twice and a tenth cancelled after completing
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path workDir = root.resolve("system-tests/target/leaderboards-crash-" + run);
        Random random = new Random(run.hashCode());
        LocalDate day = LocalDate.of(1980, 1, 1).plusDays(random.nextInt(3600));
        Instant morning = day.atTime(6, 0).toInstant(ZoneOffset.UTC);
        List<UUID> athletes = new ArrayList<>();
        try (HistoryFixtures fixtures = new HistoryFixtures()) {
            for (int a = 0; a < ATHLETES; a++) {
                athletes.add(UUID.randomUUID());
                DeviceCredentials.issueTelemetryKey(athletes.getLast());
            }
            await("the athletes' keys").atMost(Duration.ofSeconds(30))
                    .until(() -> athletes.stream().allMatch(a -> fixtures.keys().find(a.toString()).isPresent()));
            Map<UUID, Long> meters = new LinkedHashMap<>();
            Map<UUID, Integer> counted = new LinkedHashMap<>();
            List<Published> messages = new ArrayList<>();
            for (int w = 0; w < WORKOUTS; w++) {
                UUID athlete = athletes.get(w % ATHLETES);
                UUID workout = UUID.randomUUID();
                long distance = 2_000 + random.nextInt(20_000);
                List<SpecificRecord> events = HistoryFixtures.events(workout, athlete,
                        morning.plusSeconds(60L * w), SportType.RUNNING, null,
                        HistoryFixtures.parkRun(48.8462, 2.3371, 120), distance).subList(0, 2);
                messages.add(new Published(workout, athlete, events));
                if (w % 10 == 3) {
                    messages.add(new Published(workout, athlete, events));   // re-delivered
                }
                if (w % 10 == 7) {
                    Instant cancelledAt = morning.plusSeconds(60L * w + 3_600);
                    messages.add(new Published(workout, athlete, List.of(WorkoutCancelled.newBuilder()
                            .setEventId(UUID.randomUUID()).setTimestamp(cancelledAt)
                            .setData(WorkoutCancelledData.newBuilder().setWorkoutId(workout).setUserId(athlete)
                                    .setCancelledAt(cancelledAt).build()).build())));
                } else {
                    meters.merge(athlete, distance, Long::sum);
                    counted.merge(athlete, 1, Integer::sum);
                }
            }
            // in any order: a cancel that arrives before its completion still wins (the processor keeps a marker)
            Collections.shuffle(messages, random);
            AppProcess processor = startProcessor("leaderboards-crash-" + run, workDir);

            // when: SIGKILL once it counted some of the first third of the messages, restart on the same state
            // directory, send the rest
            String firstBoard = processor.baseUrl() + "/api/v1/leaderboards/global/day/" + day + "/RUNNING/workouts";
            int crashAt = messages.size() / 3;
            for (int i = 0; i < messages.size(); i++) {
                if (i == crashAt) {
                    await("some runs counted before the crash").atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> given().get(firstBoard).then().extract().statusCode() == 200
                                    && given().get(firstBoard).then().extract().jsonPath().getInt("size") > 0);
                    processor.kill();
                }
                Published message = messages.get(i);
                fixtures.publishSealed(message.workout(), message.athlete(), message.events());
            }
            processor = startProcessor("leaderboards-crash-" + run, workDir);
            try (AppProcess restarted = processor) {
                // then: each athlete's distance and number of runs, exactly
                String board = restarted.baseUrl() + "/api/v1/leaderboards/global/day/" + day + "/RUNNING/";
                await("the boards of every message").atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            var answer = given().get(board + "workouts?limit=100").then().extract();
                            // 503 while the restarted processor restores its stores
                            return answer.statusCode() == 200 && answer.jsonPath().getDouble("entries.value.sum()")
                                    == counted.values().stream().mapToInt(Integer::intValue).sum();
                        });
                JsonPath distances = given().get(board + "distance?limit=100").then().statusCode(200).extract()
                        .jsonPath();
                JsonPath workouts = given().get(board + "workouts?limit=100").then().statusCode(200).extract()
                        .jsonPath();
                assertThat(distances.getInt("size")).isEqualTo(ATHLETES);
                for (UUID athlete : athletes) {
                    String id = athlete.toString();
                    assertThat(distances.getDouble("entries.find { it.athlete_id == '" + id + "' }.value"))
                            .as("metres of %s", athlete).isEqualTo((double) meters.get(athlete));
                    assertThat(workouts.getDouble("entries.find { it.athlete_id == '" + id + "' }.value"))
                            .as("runs of %s", athlete).isEqualTo((double) counted.get(athlete));
                }
            }
        }
    }
}
