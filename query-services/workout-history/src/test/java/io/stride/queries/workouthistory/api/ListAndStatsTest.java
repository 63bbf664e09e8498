package io.stride.queries.workouthistory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stride.queries.workouthistory.TestKafka;
import io.stride.queries.workouthistory.WorkoutEvents;
import io.stride.queries.workouthistory.mapping.Tracks;
import io.stride.schemas.common.SportType;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/** GetWorkoutList (cursor pages, period, sport) and GetWorkoutStats (ClickHouse), with their caches invalidated. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class ListAndStatsTest {

    private static WorkoutEvents.Workout complete(UUID athlete, Instant start, SportType sport, double metersPerSecond,
            long seconds) {
        WorkoutEvents.Workout workout = WorkoutEvents.Workout.of(athlete, start, sport);
        TestKafka.publish(athlete, workout.workoutId(), workout.started(null), workout.completed(
                Tracks.north(48.85, 2.35, 5, List.of(new Tracks.Leg(seconds, metersPerSecond, true))), 100));
        return workout;
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void shouldPageThroughTheAthletesWorkoutsNewestFirstWhenFollowingTheCursor() {
        // given: seven runs and a ride on different days, and another athlete's run
        UUID athlete = TestKafka.athlete();
        List<WorkoutEvents.Workout> runs = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            runs.add(complete(athlete, daysAgo(day), SportType.RUNNING, 3.0, 300));
        }
        WorkoutEvents.Workout ride = complete(athlete, daysAgo(10), SportType.CYCLING, 8.0, 600);
        UUID other = TestKafka.athlete();
        complete(other, daysAgo(1), SportType.RUNNING, 3.0, 300);
        WorkoutResourceTest.awaitVersion(athlete, ride.workoutId(), 2);
        runs.forEach(run -> WorkoutResourceTest.awaitVersion(athlete, run.workoutId(), 2));

        // when: pages of three runs
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = WorkoutResourceTest.get(athlete, "/api/v1/workouts?sport=running&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)).statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("workouts.workout_id", String.class));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 10);

        // then: every run once, newest first, in three pages; the period and the sport filter; nobody else's
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(runs.stream().map(run -> run.workoutId().toString()).toList());
        JsonPath all = WorkoutResourceTest.get(athlete, "/api/v1/workouts?limit=100").statusCode(200).extract()
                .jsonPath();
        assertThat(all.getList("workouts")).hasSize(8);
        assertThat(all.getList("workouts.user_id", String.class)).containsOnly(athlete.toString());
        JsonPath period = WorkoutResourceTest.get(athlete, "/api/v1/workouts?from="
                + daysAgo(3).minusSeconds(60) + "&to=" + daysAgo(1).minusSeconds(60)).statusCode(200).extract()
                .jsonPath();
        assertThat(period.getList("workouts.workout_id", String.class)).containsExactly(
                runs.get(1).workoutId().toString(), runs.get(2).workoutId().toString());
        assertThat(WorkoutResourceTest.get(athlete, "/api/v1/workouts?sport=cycling").statusCode(200).extract()
                .jsonPath().getList("workouts.workout_id", String.class))
                .containsExactly(ride.workoutId().toString());
    }

    @Test
    void shouldTotalEachSportAndWeekWhenTheAthleteAsksForStats() {
        // given: a 3 km run at 3 m/s and a 5 km run at 5 m/s this week or last; a 10 km ride 20 days ago
        UUID athlete = TestKafka.athlete();
        Instant firstStart = daysAgo(1);
        Instant secondStart = daysAgo(8);
        Instant rideStart = daysAgo(20);
        WorkoutEvents.Workout slow = complete(athlete, firstStart, SportType.RUNNING, 3.0, 1_000);
        WorkoutEvents.Workout fast = complete(athlete, secondStart, SportType.RUNNING, 5.0, 1_000);
        WorkoutEvents.Workout ride = complete(athlete, rideStart, SportType.CYCLING, 10.0, 1_000);
        for (WorkoutEvents.Workout workout : List.of(slow, fast, ride)) {
            WorkoutResourceTest.awaitVersion(athlete, workout.workoutId(), 2);
        }

        // when
        JsonPath stats = await("stats of three workouts").atMost(Duration.ofSeconds(30))
                .until(() -> WorkoutResourceTest.get(athlete, "/api/v1/workouts/stats?weeks=4").statusCode(200)
                        .extract().jsonPath(), json -> json.getLong("totals.workouts") == 3);

        // then: totals over the sports, per sport with records, four weeks ending with this one
        assertThat(stats.getDouble("totals.distance_meters")).isCloseTo(3_000 + 5_000 + 10_000, within(1e-6));
        assertThat(stats.getLong("totals.duration_seconds")).isEqualTo(3_000);
        assertThat(stats.getDouble("totals.avg_speed_meters_per_second")).isCloseTo(18_000 / 3_000.0, within(1e-9));
        assertThat(stats.getList("sports.sport", String.class)).containsExactly("CYCLING", "RUNNING");
        Map<String, Object> running = stats.getMap("sports.find { it.sport == 'RUNNING' }");
        assertThat(running).isNotNull();
        assertThat(stats.getDouble("sports.find { it.sport == 'RUNNING' }.totals.distance_meters"))
                .isCloseTo(8_000, within(1e-6));
        assertThat(stats.getString("sports.find { it.sport == 'RUNNING' }.records.longest_distance_meters.workout_id"))
                .isEqualTo(fast.workoutId().toString());
        assertThat(stats.getDouble("sports.find { it.sport == 'RUNNING' }.records.fastest_avg_speed_meters_per_second"
                + ".value")).isCloseTo(5.0, within(1e-9));
        assertThat(stats.getDouble("sports.find { it.sport == 'RUNNING' }.records.best_effort_seconds.1k.value"))
                .isCloseTo(200.0, within(1e-9));
        assertThat(stats.getString("sports.find { it.sport == 'RUNNING' }.records.best_effort_seconds.1k.workout_id"))
                .isEqualTo(fast.workoutId().toString());
        assertThat(stats.getDouble("sports.find { it.sport == 'RUNNING' }.records.best_effort_seconds.5k.value"))
                .isCloseTo(1_000.0, within(1e-9));
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<String> weeks = stats.getList("weekly.week_start", String.class);
        assertThat(weeks).containsExactly(thisWeek.minusWeeks(3).toString(), thisWeek.minusWeeks(2).toString(),
                thisWeek.minusWeeks(1).toString(), thisWeek.toString());
        double[] expected = new double[4];
        for (var workout : List.of(Map.entry(firstStart, 3_000.0), Map.entry(secondStart, 5_000.0),
                Map.entry(rideStart, 10_000.0))) {
            LocalDate week = LocalDate.ofInstant(workout.getKey(), ZoneOffset.UTC)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int index = 3 - (int) ChronoUnit.WEEKS.between(week, thisWeek);
            if (index >= 0) {
                expected[index] += workout.getValue();
            }
        }
        for (int i = 0; i < 4; i++) {
            assertThat(stats.getDouble("weekly[" + i + "].distance_meters")).as("week %d", i)
                    .isCloseTo(expected[i], within(1e-6));
        }
        JsonPath runningOnly = WorkoutResourceTest.get(athlete, "/api/v1/workouts/stats?sport=running&weeks=2")
                .statusCode(200).extract().jsonPath();
        assertThat(runningOnly.getLong("totals.workouts")).isEqualTo(2);
        assertThat(runningOnly.getList("weekly")).hasSize(2);

        // and when another workout completes, the cached answer is replaced
        WorkoutEvents.Workout another = complete(athlete, daysAgo(2), SportType.RUNNING, 4.0, 250);
        WorkoutResourceTest.awaitVersion(athlete, another.workoutId(), 2);
        await("stats with the new workout").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> WorkoutResourceTest.get(athlete, "/api/v1/workouts/stats?weeks=4").extract().jsonPath()
                        .getLong("totals.workouts") == 4);
    }

    @Test
    void shouldServeTheNewSummaryWhenTheAthleteEditsACachedWorkout() {
        // given: a workout whose summary has been read (cached)
        UUID athlete = TestKafka.athlete();
        WorkoutEvents.Workout workout = complete(athlete, daysAgo(1), SportType.RUNNING, 3.0, 300);
        WorkoutResourceTest.awaitVersion(athlete, workout.workoutId(), 2);
        WorkoutResourceTest.get(athlete, "/api/v1/workouts/" + workout.workoutId()).statusCode(200);

        // when
        TestKafka.publish(athlete, workout.workoutId(), workout.edited("Renamed", "notes", SportType.HIKING));

        // then
        WorkoutResourceTest.awaitVersion(athlete, workout.workoutId(), 3);
        JsonPath summary = WorkoutResourceTest.get(athlete, "/api/v1/workouts/" + workout.workoutId()).statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getString("title")).isEqualTo("Renamed");
        assertThat(summary.getString("sport")).isEqualTo("HIKING");
    }
}
