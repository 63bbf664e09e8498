package io.stride.processors.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class GoalTest {

    static final Instant SET = Instant.parse("2025-01-01T00:00:00Z");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    static Goal weekly(GoalMetric metric, double target, String sport) {
        return new Goal("g", Goal.Kind.PERIOD_TOTAL, metric, GoalPeriod.WEEK, sport, target, null, null, SET, false);
    }

    /** A completed run of {@code km} from {@code start}, an hour long, 30 m up, 70 kcal a km. */
    static GoalWorkout run(String id, String start, double km) {
        Instant at = Instant.parse(start);
        return new GoalWorkout(id, "RUNNING", at, at.plusSeconds(3600), true, km * 1000, 3600, 30, 70 * km, null);
    }

    @Test
    void shouldCountEachWorkoutInTheWeekOfItsStartInTheAthletesZone() {
        // given: 15 km on Friday; 6 km at 20:00 UTC on Sunday 1 June 2025: still Sunday in Lisbon, Monday in Tokyo
        List<GoalWorkout> runs = List.of(run("friday", "2025-05-30T07:00:00Z", 15),
                run("late", "2025-06-01T20:00:00Z", 6));
        Goal goal = weekly(GoalMetric.DISTANCE, 20_000, "RUNNING");

        // when
        List<Goal.Reached> lisbon = goal.reached(runs, LISBON);
        List<Goal.Reached> tokyo = goal.reached(runs, TOKYO);

        // then: Lisbon's week 22 reached by the late run (21 km); Tokyo's week 22 has 15 km, week 23 6 km
        assertThat(lisbon).containsExactly(new Goal.Reached("2025-W22", 21_000, Instant.parse("2025-06-01T21:00:00Z"),
                "late"));
        assertThat(tokyo).isEmpty();
    }

    @Test
    void shouldCountTheDayOfTheStartInTheZoneWhenTheClocksChange() {
        // given: 04:30 UTC on 10 March 2025, 00:30 in New York on the first night of daylight saving time
        Goal daily = new Goal("g", Goal.Kind.PERIOD_TOTAL, GoalMetric.WORKOUTS, GoalPeriod.DAY, null, 1, null, null,
                SET, false);

        // when
        List<Goal.Reached> reached = daily.reached(List.of(run("w", "2025-03-10T04:30:00Z", 5)),
                ZoneId.of("America/New_York"));

        // then: 10 March, not 9 March as a fixed UTC-5 would say
        assertThat(reached).extracting(Goal.Reached::periodId).containsExactly("2025-03-10");
    }

    @Test
    void shouldLetTheDistanceOfAWorkoutStillGoingReachADistanceGoalAndNothingElse() {
        // given: 9 km done, 12 km so far in a run still going
        GoalWorkout going = new GoalWorkout("going", "RUNNING", Instant.parse("2025-06-03T06:00:00Z"),
                Instant.parse("2025-06-03T07:05:00Z"), false, 12_000, 0, 0, 0, null);
        List<GoalWorkout> workouts = List.of(run("done", "2025-06-02T06:00:00Z", 9), going);

        // when / then: 21 km reach 20 km at the update; the hours and the number of workouts wait for completions
        assertThat(weekly(GoalMetric.DISTANCE, 20_000, null).reached(workouts, LISBON))
                .containsExactly(new Goal.Reached("2025-W23", 21_000, Instant.parse("2025-06-03T07:05:00Z"),
                        "going"));
        assertThat(weekly(GoalMetric.MOVING_TIME, 7_200, null).reached(workouts, LISBON)).isEmpty();
        assertThat(weekly(GoalMetric.WORKOUTS, 2, null).reached(workouts, LISBON)).isEmpty();
    }

    @Test
    void shouldCountOnlyItsSportAndNothingWhilePaused() {
        // given
        GoalWorkout ride = new GoalWorkout("ride", "CYCLING", Instant.parse("2025-06-02T06:00:00Z"),
                Instant.parse("2025-06-02T08:00:00Z"), true, 40_000, 7_200, 300, 900, null);
        List<GoalWorkout> workouts = List.of(ride, run("run", "2025-06-03T06:00:00Z", 10));

        // when / then
        assertThat(weekly(GoalMetric.DISTANCE, 20_000, "RUNNING").reached(workouts, LISBON)).isEmpty();
        assertThat(weekly(GoalMetric.DISTANCE, 20_000, null).reached(workouts, LISBON)).extracting(
                Goal.Reached::workoutId).containsExactly("ride");
        assertThat(new Goal("g", Goal.Kind.PERIOD_TOTAL, GoalMetric.DISTANCE, GoalPeriod.WEEK, null, 20_000, null,
                null, SET, true).reached(workouts, LISBON)).isEmpty();
    }

    @Test
    void shouldCountATotalByDateFromTheGoalsCreationToTheEndOfItsDeadlineDay() {
        // given: set on 2 June; 60 km before it, 30 km after, 30 km late on the deadline day in Tokyo (UTC next day
        // is still the 9th there), 100 km the day after
        Goal total = new Goal("g", Goal.Kind.TOTAL_BY_DATE, GoalMetric.DISTANCE, null, null, 60_000, null,
                LocalDate.parse("2025-06-09"), Instant.parse("2025-06-02T00:00:00Z"), false);
        List<GoalWorkout> workouts = List.of(run("before", "2025-06-01T06:00:00Z", 60),
                run("after", "2025-06-04T06:00:00Z", 30), run("deadline", "2025-06-09T14:00:00Z", 30),
                run("late", "2025-06-09T15:30:00Z", 100));

        // when
        List<Goal.Reached> reached = total.reached(workouts, TOKYO);

        // then: 23:00 on the 9th in Tokyo counts; 00:30 on the 10th does not
        assertThat(reached).containsExactly(new Goal.Reached(Goal.ONCE, 60_000,
                Instant.parse("2025-06-09T15:00:00Z"), "deadline"));
    }

    @Test
    void shouldReachAPerformanceByABestEffortInsideAWorkoutStartedAfterTheGoalWasSet() {
        // given: 5 km under 25 minutes; a 6-km run at 4:45/km before it was set, one at 5:30/km and one at 4:48/km
        Goal performance = new Goal("g", Goal.Kind.PERFORMANCE, null, null, "RUNNING", 5_000, 1_500L, null,
                Instant.parse("2025-06-02T00:00:00Z"), false);
        List<GoalWorkout> workouts = List.of(steady("early", "2025-06-01T06:00:00Z", 285),
                steady("slow", "2025-06-03T06:00:00Z", 330), steady("fast", "2025-06-05T06:00:00Z", 288));

        // when
        List<Goal.Reached> reached = performance.reached(workouts, LISBON);

        // then: 5 × 288 s = 1,440 s
        assertThat(reached).hasSize(1);
        assertThat(reached.getFirst().workoutId()).isEqualTo("fast");
        assertThat(reached.getFirst().value()).isCloseTo(1_440.0, within(0.001));
    }

    /** A completed 6-km run at a steady {@code secondsPerKm}, a point every 10 s. */
    static GoalWorkout steady(String id, String start, int secondsPerKm) {
        int points = 6 * secondsPerKm / 10 + 1;
        long[] t = new long[points];
        double[] d = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = i * 10_000L;
            d[i] = i * 10_000.0 / secondsPerKm;
        }
        Instant at = Instant.parse(start);
        return new GoalWorkout(id, "RUNNING", at, at.plusSeconds(6L * secondsPerKm), true, d[points - 1],
                6.0 * secondsPerKm, 0, 400, new GoalWorkout.Track(t, d));
    }

    @Test
    void shouldTellTheProgressInTheCurrentPeriodOfTheAthletesZone() {
        // given: 15 km on Friday of week 22, 6 km late on Sunday (Monday of week 23 in Tokyo)
        List<GoalWorkout> runs = List.of(run("friday", "2025-05-30T07:00:00Z", 15),
                run("late", "2025-06-01T20:00:00Z", 6));
        Goal goal = weekly(GoalMetric.DISTANCE, 20_000, "RUNNING");
        Instant tuesday = Instant.parse("2025-06-03T12:00:00Z");

        // when / then
        assertThat(goal.periodAt(tuesday, TOKYO)).isEqualTo("2025-W23");
        assertThat(goal.progress(runs, TOKYO, tuesday)).isEqualTo(6_000.0);
        assertThat(goal.progress(runs, LISBON, tuesday)).isEqualTo(0.0);
        assertThat(goal.progress(runs, LISBON, Instant.parse("2025-06-01T22:00:00Z"))).isEqualTo(21_000.0);
    }

    @Test
    void shouldNotReachAPeriodBeforeTheOneTheGoalWasSetIn() {
        // given: a weekly 10 km goal set on Wednesday 4 June 2025; 12 km in the week before, 6 km on Monday of this week
        Goal goal = new Goal("g", Goal.Kind.PERIOD_TOTAL, GoalMetric.DISTANCE, GoalPeriod.WEEK, null, 10_000, null,
                null, Instant.parse("2025-06-04T12:00:00Z"), false);
        List<GoalWorkout> runs = List.of(run("last-week", "2025-05-28T06:00:00Z", 12),
                run("monday", "2025-06-02T06:00:00Z", 6), run("thursday", "2025-06-05T06:00:00Z", 5));

        // when
        List<Goal.Reached> reached = goal.reached(runs, LISBON);

        // then: only this week, with Monday's run counted
        assertThat(reached).containsExactly(new Goal.Reached("2025-W23", 11_000,
                Instant.parse("2025-06-05T07:00:00Z"), "thursday"));
        // and a goal set once its week was reached is reached as it is set
        Goal late = new Goal("g", Goal.Kind.PERIOD_TOTAL, GoalMetric.DISTANCE, GoalPeriod.WEEK, null, 10_000, null,
                null, Instant.parse("2025-06-06T12:00:00Z"), false);
        assertThat(late.reached(runs, LISBON)).extracting(Goal.Reached::at)
                .containsExactly(Instant.parse("2025-06-06T12:00:00Z"));
    }
}
