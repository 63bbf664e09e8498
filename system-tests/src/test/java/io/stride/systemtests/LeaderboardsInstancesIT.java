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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.stride.schemas.common.SportType;

/**
 * Two leaderboards instances share the boards' partitions (one Kafka Streams application): each holds some shards,
 * and either answers every board query exactly as one instance holding all would — the top N merged from both, an
 * athlete's rank and neighbours from the instance holding the athlete, whichever instance was asked (ADR 0016).
 */
class LeaderboardsInstancesIT {

    private static final int ATHLETES = 14;
    private static final int PARTITIONS = 6;

    private final Path root = Checkout.root();

    /** One athlete's run: its distance and when it started (the tie order: who finished first). */
    private record Run(UUID athlete, long meters, Instant start) {
    }

    @Test
    void shouldAnswerEveryBoardQueryAsOneInstanceWouldWhenTwoInstancesShareTheShards() throws Exception {
        // given: two instances of one application, then fourteen athletes with one run each on a 1980s day of
        // their own, three pairs tied
        String run = UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(run.hashCode());
        LocalDate day = LocalDate.of(1980, 1, 1).plusDays(random.nextInt(3600));
        Instant morning = day.atTime(6, 0).toInstant(ZoneOffset.UTC);
        List<AppProcess> instances = new ArrayList<>();
        try (HistoryFixtures fixtures = new HistoryFixtures()) {
            for (int i = 0; i < 2; i++) {
                Path workDir = root.resolve("system-tests/target/leaderboards-pair-" + run + "-" + i);
                instances.add(AppProcess.start(root, "stream-processors/leaderboards", List.of(
                        "-Dquarkus.kafka-streams.application-id=leaderboards-pair-" + run,
                        // the second instance takes its shards at once instead of warming up first and taking them
                        // at the next probing rebalance (ten minutes): its stores are as good as empty
                        "-Dkafka-streams.acceptable.recovery.lag=" + Integer.MAX_VALUE,
                        "-Dkafka-streams.state.dir=" + workDir.resolve("streams-state")), workDir));
            }
            List<Run> runs = new ArrayList<>();
            for (int a = 0; a < ATHLETES; a++) {
                long meters = a % 5 == 1 ? runs.getLast().meters() : 3_000 + random.nextInt(15_000);
                runs.add(new Run(UUID.randomUUID(), meters, morning.plusSeconds(600L * a)));
                DeviceCredentials.issueTelemetryKey(runs.getLast().athlete());
            }
            await("the athletes' keys").atMost(Duration.ofSeconds(30)).until(() -> runs.stream()
                    .allMatch(r -> fixtures.keys().find(r.athlete().toString()).isPresent()));

            // when
            for (Run r : runs) {
                UUID workout = UUID.randomUUID();
                List<SpecificRecord> events = HistoryFixtures.events(workout, r.athlete(), r.start(),
                        SportType.RUNNING, null, HistoryFixtures.parkRun(48.8462, 2.3371, 120), r.meters());
                fixtures.publishSealed(workout, r.athlete(), events.subList(0, 2));
            }
            String board = "/api/v1/leaderboards/global/day/" + day + "/RUNNING/distance";
            await("both instances answering the whole board").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> instances.stream().allMatch(instance -> {
                        var answer = given().get(instance.baseUrl() + board + "?limit=100").then().extract();
                        return answer.statusCode() == 200 && answer.jsonPath().getInt("size") == ATHLETES;
                    }));

            // then: every shard is held by exactly one instance, and each instance holds some
            int[] held = new int[2];
            for (int partition = 0; partition < PARTITIONS; partition++) {
                int holders = 0;
                for (int i = 0; i < 2; i++) {
                    int status = given().queryParam("board", board).get(instances.get(i).baseUrl()
                            + "/internal/v1/leaderboard-shards/" + partition + "/top").then().extract().statusCode();
                    if (status == 200) {
                        holders++;
                        held[i]++;
                    }
                }
                assertThat(holders).as("instances holding shard %d", partition).isEqualTo(1);
            }
            assertThat(held).as("shards held by each instance").doesNotContain(0);

            // and the board, as one instance holding every shard would rank it, from either instance
            List<Run> order = runs.stream().sorted(Comparator.comparingLong(Run::meters).reversed()
                    .thenComparing(Run::start)).toList();
            List<Integer> ranks = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                ranks.add(i > 0 && order.get(i).meters() == order.get(i - 1).meters() ? ranks.getLast() : i + 1);
            }
            assertThat(new HashSet<>(ranks)).as("the runs include ties").hasSizeLessThan(ranks.size());
            for (AppProcess instance : instances) {
                JsonPath top = given().get(instance.baseUrl() + board + "?limit=100").then().statusCode(200)
                        .extract().jsonPath();
                assertThat(top.getList("entries.athlete_id", String.class))
                        .isEqualTo(order.stream().map(r -> r.athlete().toString()).toList());
                assertThat(top.getList("entries.rank", Integer.class)).isEqualTo(ranks);
                assertThat(top.getList("entries.value", Double.class))
                        .isEqualTo(order.stream().map(r -> (double) r.meters()).toList());

                for (int i = 0; i < order.size(); i++) {
                    JsonPath standing = given().queryParam("neighbours", 2)
                            .get(instance.baseUrl() + board + "/athletes/" + order.get(i).athlete())
                            .then().statusCode(200).extract().jsonPath();
                    assertThat(standing.getInt("athlete.rank")).as("rank of %s", i).isEqualTo(ranks.get(i));
                    assertThat(standing.getInt("size")).isEqualTo(ATHLETES);
                    assertThat(standing.getList("above.athlete_id", String.class)).as("above %s", i)
                            .isEqualTo(order.subList(Math.max(0, i - 2), i).stream()
                                    .map(r -> r.athlete().toString()).toList());
                    assertThat(standing.getList("below.rank", Integer.class)).as("ranks below %s", i)
                            .isEqualTo(ranks.subList(i + 1, Math.min(ATHLETES, i + 3)));
                }
                given().get(instance.baseUrl() + board + "/athletes/" + UUID.randomUUID()).then().statusCode(404);
            }
        } finally {
            for (AppProcess instance : instances) {
                instance.close();
            }
        }
    }
}
