package io.stride.processors.leaderboards.topology;

import static io.stride.processors.leaderboards.topology.LeaderboardsDriver.cancel;
import static io.stride.processors.leaderboards.topology.LeaderboardsDriver.completed;
import static io.stride.processors.leaderboards.topology.LeaderboardsDriver.run;
import static io.stride.processors.leaderboards.topology.LeaderboardsDriver.sportEdit;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutStarted;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.stride.platform.kafka.DeadLetterHandler;
import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.BoardEntry;
import io.stride.processors.leaderboards.domain.Ranking;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.workout.WorkoutCompleted;

class LeaderboardsTopologyTest {

    static final Instant MORNING = Instant.parse("2025-06-01T06:00:00Z");
    static final String DAY_RUNNING = "global/day/2025-06-01/RUNNING/";
    static final String WEEK_RUNNING = "global/week/2025-W22/RUNNING/";
    static final String LIVE_RUNNING = "global/live/2025-06-01/RUNNING/distance";
    /** Five periods of six metrics and the live day's distance, each for the workout's sport and for all sports. */
    static final int BOARDS_OF_ONE_WORKOUT = (5 * 6 + 1) * 2;

    final LeaderboardsDriver lb = new LeaderboardsDriver();

    @AfterEach
    void closeDriver() {
        lb.close();
    }

    void assertAllOutputsEmpty() {
        assertThat(lb.eventDeadLetters.isEmpty()).isTrue();
        assertThat(lb.progressDeadLetters.isEmpty()).isTrue();
        assertThat(lb.metricsDeadLetters.isEmpty()).isTrue();
    }

    static List<Long> values(List<BoardEntry> entries) {
        return entries.stream().map(BoardEntry::value).toList();
    }

    static String header(TestRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldShareRanksAndListWhoReachedTheValueFirstWhenValuesTie() {
        // given: four runners; B and C both run 8 km, B's run ends an hour before C's
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();

        // when
        UUID cRun = UUID.randomUUID();
        lb.pipe(cRun, run(cRun, c, MORNING.plusSeconds(3600), 8_000));
        UUID dRun = UUID.randomUUID();
        lb.pipe(dRun, run(dRun, d, MORNING, 5_000));
        UUID bRun = UUID.randomUUID();
        lb.pipe(bRun, run(bRun, b, MORNING, 8_000));
        UUID aRun = UUID.randomUUID();
        lb.pipe(aRun, run(aRun, a, MORNING.plusSeconds(7200), 10_000));

        // then: competition ranking 1, 2, 2, 4; B before C
        List<BoardEntry> board = lb.board(DAY_RUNNING + "distance");
        assertThat(board).extracting(BoardEntry::athleteId)
                .containsExactly(a.toString(), b.toString(), c.toString(), d.toString());
        assertThat(values(board)).containsExactly(100_000L, 80_000L, 80_000L, 50_000L);
        assertThat(Ranking.competition(values(board))).containsExactly(1, 2, 2, 4);
        // every runner has one workout: all share rank 1, by who finished first (B and D, then C, then A)
        List<BoardEntry> workouts = lb.board(DAY_RUNNING + "workouts");
        assertThat(Ranking.competition(values(workouts))).containsExactly(1, 1, 1, 1);
        assertThat(workouts.get(2).athleteId()).isEqualTo(c.toString());
        assertThat(workouts.get(3).athleteId()).isEqualTo(a.toString());
        assertAllOutputsEmpty();
    }

    @Test
    void shouldCountAWorkoutOnceWhenItsEventsAreDeliveredAgain() {
        // given
        UUID athlete = UUID.randomUUID();
        UUID workout = UUID.randomUUID();
        WorkoutCompleted completion = run(workout, athlete, MORNING, 10_000);

        // when: the completion three times, and events that change no board
        lb.pipe(workout, aWorkoutStarted().forWorkout(workout, athlete).at(MORNING).build());
        lb.pipe(workout, completion);
        lb.pipe(workout, completion);
        lb.pipe(workout, aWorkoutUpdated().forWorkout(workout, athlete).at(MORNING.plusSeconds(60)).build());
        lb.pipe(workout, completion);

        // then
        assertThat(values(lb.board(DAY_RUNNING + "distance"))).containsExactly(100_000L);
        assertThat(values(lb.board(WEEK_RUNNING + "workouts"))).containsExactly(1L);
        assertThat(values(lb.board("global/all/all/ALL/moving-time"))).containsExactly(1_800_000L);
        assertThat(values(lb.board("global/year/2025/ALL/calories"))).containsExactly(3_000L);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldLeaveEveryBoardWhenTheWorkoutIsCancelledEvenIfItsCompletionArrivesAgainAfter() {
        // given: two runs of one athlete, one of another
        UUID athlete = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        UUID alone = UUID.randomUUID();
        WorkoutCompleted droppedRun = run(dropped, athlete, MORNING.plusSeconds(3600), 6_000);
        lb.pipe(kept, run(kept, athlete, MORNING, 4_000));
        lb.pipe(dropped, droppedRun);
        lb.pipe(alone, run(alone, other, MORNING, 9_000));
        assertThat(values(lb.board(DAY_RUNNING + "distance"))).containsExactly(100_000L, 90_000L);

        // when: one run is cancelled, then its completion is re-delivered
        lb.pipe(dropped, cancel(dropped, athlete, MORNING.plusSeconds(7200)));
        lb.pipe(dropped, droppedRun);

        // then
        assertThat(lb.athletes(DAY_RUNNING + "distance")).containsExactly(other.toString(), athlete.toString());
        assertThat(values(lb.board(DAY_RUNNING + "distance"))).containsExactly(90_000L, 40_000L);
        assertThat(values(lb.board("global/all/all/ALL/workouts"))).containsExactly(1L, 1L);

        // and when: the other athlete's only run is cancelled: they leave the boards altogether
        lb.pipe(alone, cancel(alone, other, MORNING.plusSeconds(7200)));
        assertThat(lb.athletes("global/month/2025-06/ALL/distance")).containsExactly(athlete.toString());
        assertAllOutputsEmpty();
    }

    @Test
    void shouldMoveTheWorkoutToItsNewSportsBoardsWhenTheAthleteChangesTheSport() {
        // given: a run
        UUID athlete = UUID.randomUUID();
        UUID workout = UUID.randomUUID();
        lb.pipe(workout, run(workout, athlete, MORNING, 20_000));
        Instant end = MORNING.plusSeconds(1800);

        // when: the athlete says it was a ride, then an older edit (to hiking) is delivered late
        lb.pipe(workout, sportEdit(workout, athlete, end.plusSeconds(600), SportType.CYCLING));
        lb.pipe(workout, sportEdit(workout, athlete, end.plusSeconds(300), SportType.HIKING));

        // then
        assertThat(lb.boards()).doesNotContainKeys(DAY_RUNNING + "distance", "global/day/2025-06-01/HIKING/distance");
        assertThat(values(lb.board("global/day/2025-06-01/CYCLING/distance"))).containsExactly(200_000L);
        assertThat(values(lb.board("global/day/2025-06-01/ALL/distance"))).containsExactly(200_000L);
        assertThat(lb.boards()).hasSize(BOARDS_OF_ONE_WORKOUT);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldKeepTheNewestFiguresWhenACompletionIsCorrected() {
        // given
        UUID athlete = UUID.randomUUID();
        UUID workout = UUID.randomUUID();
        WorkoutCompleted first = completed(workout, athlete, MORNING.plusSeconds(3600), MORNING, 60,
                SportType.RUNNING, 10_000, 50, 600);
        WorkoutCompleted corrected = completed(workout, athlete, MORNING.plusSeconds(7200), MORNING, 60,
                SportType.RUNNING, 12_000, 80, 700);

        // when: the correction, then the first completion re-delivered
        lb.pipe(workout, first);
        lb.pipe(workout, corrected);
        lb.pipe(workout, first);

        // then
        assertThat(values(lb.board(DAY_RUNNING + "distance"))).containsExactly(120_000L);
        assertThat(values(lb.board(DAY_RUNNING + "elevation-gain"))).containsExactly(800L);
        assertThat(values(lb.board(DAY_RUNNING + "calories"))).containsExactly(7_000L);
        assertThat(values(lb.board(DAY_RUNNING + "workouts"))).containsExactly(1L);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldLandALateImportInThePeriodItHappenedIn() {
        // given: a run in June
        UUID athlete = UUID.randomUUID();
        UUID june = UUID.randomUUID();
        lb.pipe(june, run(june, athlete, MORNING, 5_000));

        // when: a run of 20 May is imported now
        UUID may = UUID.randomUUID();
        Instant mayStart = Instant.parse("2025-05-20T07:00:00Z");
        lb.pipe(may, completed(may, athlete, MORNING.plusSeconds(86_400), mayStart, 40, SportType.RUNNING, 7_000, 0,
                400));

        // then
        assertThat(values(lb.board("global/day/2025-05-20/RUNNING/distance"))).containsExactly(70_000L);
        assertThat(values(lb.board("global/week/2025-W21/RUNNING/distance"))).containsExactly(70_000L);
        assertThat(values(lb.board("global/month/2025-05/RUNNING/distance"))).containsExactly(70_000L);
        assertThat(values(lb.board("global/month/2025-06/RUNNING/distance"))).containsExactly(50_000L);
        assertThat(values(lb.board("global/year/2025/RUNNING/distance"))).containsExactly(120_000L);
        assertThat(values(lb.board("global/all/all/ALL/workouts"))).containsExactly(2L);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldCountTheDayAndWeekInEachAthletesOwnZone() {
        // given: a Tokyo and a Lisbon runner
        UUID tokyo = UUID.randomUUID();
        UUID lisbon = UUID.randomUUID();
        lb.zone(tokyo, "Asia/Tokyo");
        lb.zone(lisbon, "Europe/Lisbon");

        // when: both run at 22:30 UTC on Sunday 1 June: Monday 07:30 in Tokyo, Sunday 23:30 in Lisbon
        Instant start = Instant.parse("2025-06-01T22:30:00Z");
        UUID tokyoRun = UUID.randomUUID();
        UUID lisbonRun = UUID.randomUUID();
        lb.pipe(tokyoRun, run(tokyoRun, tokyo, start, 5_000));
        lb.pipe(lisbonRun, run(lisbonRun, lisbon, start, 5_000));

        // then
        assertThat(lb.athletes("global/day/2025-06-02/RUNNING/distance")).containsExactly(tokyo.toString());
        assertThat(lb.athletes("global/week/2025-W23/RUNNING/distance")).containsExactly(tokyo.toString());
        assertThat(lb.athletes(DAY_RUNNING + "distance")).containsExactly(lisbon.toString());
        assertThat(lb.athletes(WEEK_RUNNING + "distance")).containsExactly(lisbon.toString());
        assertThat(lb.athletes("global/month/2025-06/RUNNING/distance")).hasSize(2);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldMoveEveryWorkoutOfTheAthleteToTheNewZonesPeriodsWhenTheZoneChanges() {
        // given: a Lisbon runner's Sunday-night run
        UUID athlete = UUID.randomUUID();
        lb.zone(athlete, "Europe/Lisbon");
        UUID workout = UUID.randomUUID();
        lb.pipe(workout, run(workout, athlete, Instant.parse("2025-06-01T22:30:00Z"), 5_000));
        assertThat(lb.athletes(WEEK_RUNNING + "distance")).containsExactly(athlete.toString());

        // when: the athlete moves to Tokyo; metrics without a zone change nothing
        lb.zone(athlete, "Asia/Tokyo");
        lb.zone(athlete, null);

        // then: the run is on Monday, in week 23
        assertThat(lb.boards()).doesNotContainKeys(WEEK_RUNNING + "distance", DAY_RUNNING + "distance");
        assertThat(lb.athletes("global/week/2025-W23/RUNNING/distance")).containsExactly(athlete.toString());
        assertThat(lb.athletes("global/day/2025-06-02/ALL/distance")).containsExactly(athlete.toString());
        assertThat(lb.boards()).hasSize(BOARDS_OF_ONE_WORKOUT);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldFollowDaylightSavingAndYearBoundariesInTheAthletesZone() {
        // given
        UUID newYork = UUID.randomUUID();
        UUID lisbon = UUID.randomUUID();
        UUID auckland = UUID.randomUUID();
        lb.zone(newYork, "America/New_York");
        lb.zone(lisbon, "Europe/Lisbon");
        lb.zone(auckland, "Pacific/Auckland");

        // when: 04:30 UTC on 10 March 2025 is 00:30 EDT (a day earlier in EST); 23:30 UTC on 30 March is 00:30 WEST
        // on Monday 31 March (Sunday in WET); 12:00 UTC on 31 December 2025 is 01:00 on New Year's Day in Auckland
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        lb.pipe(first, run(first, newYork, Instant.parse("2025-03-10T04:30:00Z"), 3_000));
        lb.pipe(second, run(second, lisbon, Instant.parse("2025-03-30T23:30:00Z"), 3_000));
        lb.pipe(third, run(third, auckland, Instant.parse("2025-12-31T12:00:00Z"), 3_000));

        // then
        assertThat(lb.athletes("global/day/2025-03-10/RUNNING/distance")).containsExactly(newYork.toString());
        assertThat(lb.athletes("global/day/2025-03-31/RUNNING/distance")).containsExactly(lisbon.toString());
        assertThat(lb.athletes("global/week/2025-W14/RUNNING/distance")).containsExactly(lisbon.toString());
        assertThat(lb.athletes("global/day/2026-01-01/RUNNING/distance")).containsExactly(auckland.toString());
        assertThat(lb.athletes("global/week/2026-W01/RUNNING/distance")).containsExactly(auckland.toString());
        assertThat(lb.athletes("global/month/2026-01/RUNNING/distance")).containsExactly(auckland.toString());
        assertThat(lb.athletes("global/year/2026/RUNNING/distance")).containsExactly(auckland.toString());
        assertThat(lb.athletes("global/year/2025/RUNNING/distance")).hasSize(2);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldRankTheNextLongestWorkoutWhenTheLongestIsCancelled() {
        // given: a 10 km and a 15 km run of one athlete, a 12 km run of another
        UUID athlete = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID ten = UUID.randomUUID();
        UUID fifteen = UUID.randomUUID();
        UUID twelve = UUID.randomUUID();
        lb.pipe(ten, run(ten, athlete, MORNING, 10_000));
        lb.pipe(fifteen, run(fifteen, athlete, MORNING.plusSeconds(3600), 15_000));
        lb.pipe(twelve, run(twelve, other, MORNING, 12_000));
        assertThat(lb.athletes(DAY_RUNNING + "longest")).containsExactly(athlete.toString(), other.toString());

        // when
        lb.pipe(fifteen, cancel(fifteen, athlete, MORNING.plusSeconds(9000)));

        // then: 10 km, reached when the 10 km run ended
        List<BoardEntry> longest = lb.board(DAY_RUNNING + "longest");
        long runsEnd = MORNING.plusSeconds(1800).toEpochMilli();
        assertThat(longest).containsExactly(new BoardEntry(other.toString(), 120_000, runsEnd),
                new BoardEntry(athlete.toString(), 100_000, runsEnd));
        assertAllOutputsEmpty();
    }

    @Test
    void shouldRemoveAnErasedAthleteFromEveryBoardAndIgnoreTheirLaterWorkouts() {
        // given
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID erasedRun = UUID.randomUUID();
        UUID keptRun = UUID.randomUUID();
        lb.zone(erased, "Asia/Tokyo");
        lb.pipe(erasedRun, run(erasedRun, erased, MORNING, 10_000));
        lb.pipe(keptRun, run(keptRun, kept, MORNING, 5_000));

        // when: the athlete is erased; a later run and a zone of theirs arrive after
        lb.erase(erased);
        UUID later = UUID.randomUUID();
        lb.pipe(later, run(later, erased, MORNING.plusSeconds(7200), 30_000));
        lb.zone(erased, "Europe/Lisbon");

        // then: only the other athlete is on any board, and nothing of the erased one is kept but the erasure
        assertThat(lb.boards().values()).allSatisfy(entries -> assertThat(entries)
                .extracting(BoardEntry::athleteId).containsExactly(kept.toString()));
        assertThat(lb.boards()).hasSize(BOARDS_OF_ONE_WORKOUT);
        try (var workouts = lb.driver.getKeyValueStore(LeaderboardsTopology.WORKOUTS_STORE).all()) {
            assertThat(workouts).toIterable().extracting(entry -> entry.key.toString())
                    .containsExactly(kept + "/" + keptRun);
        }
        assertThat(lb.driver.<String, Athlete>getKeyValueStore(LeaderboardsTopology.ATHLETES_STORE)
                .get(erased.toString())).isEqualTo(Athlete.ERASED);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldTakeAHiddenAthleteOffEveryBoardKeepTheirTotalsAndPutThemBackWhenShown() {
        // given: three runners; B hides before their first run is known, then runs again
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        lb.profile(b, "Bea B.", false);
        UUID aRun = UUID.randomUUID();
        lb.pipe(aRun, run(aRun, a, MORNING, 5_000));
        UUID cRun = UUID.randomUUID();
        lb.pipe(cRun, run(cRun, c, MORNING, 3_000));
        UUID bRun = UUID.randomUUID();
        lb.pipe(bRun, run(bRun, b, MORNING, 4_000));

        // when: B hides, and runs again while hidden
        lb.profile(b, null, true);
        UUID bSecond = UUID.randomUUID();
        lb.pipe(bSecond, run(bSecond, b, MORNING.plusSeconds(3600), 4_000));

        // then: no board holds B; the others close up (A 1st, C 2nd)
        assertThat(lb.boards().values()).allSatisfy(entries -> assertThat(entries)
                .extracting(BoardEntry::athleteId).doesNotContain(b.toString()));
        assertThat(lb.athletes(DAY_RUNNING + "distance")).containsExactly(a.toString(), c.toString());

        // when: B shows themselves again
        lb.profile(b, "Bea B.", false);

        // then: B is back with both runs, as if never hidden
        assertThat(lb.athletes(DAY_RUNNING + "distance")).containsExactly(b.toString(), a.toString(), c.toString());
        assertThat(values(lb.board(DAY_RUNNING + "distance"))).containsExactly(80_000L, 50_000L, 30_000L);
        assertThat(values(lb.board(WEEK_RUNNING + "workouts"))).containsExactly(2L, 1L, 1L);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldKeepTheNameAZoneChangeAndAnErasureOfAHiddenAthleteStraight() {
        // given: a hidden athlete with a run, who then moves zone
        UUID hidden = UUID.randomUUID();
        lb.profile(hidden, null, true);
        UUID run = UUID.randomUUID();
        lb.pipe(run, run(run, hidden, MORNING, 5_000));
        lb.zone(hidden, "Asia/Tokyo");
        UUID named = UUID.randomUUID();
        lb.profile(named, "Ann R.", false);
        lb.zone(named, "Europe/Lisbon");

        // when: the hidden athlete is erased
        lb.erase(hidden);

        // then: on no board, nothing kept but the erasure; the other keeps name and zone
        assertThat(lb.boards()).isEmpty();
        var athletes = lb.driver.<String, Athlete>getKeyValueStore(LeaderboardsTopology.ATHLETES_STORE);
        assertThat(athletes.get(hidden.toString())).isEqualTo(Athlete.ERASED);
        assertThat(athletes.get(named.toString())).isEqualTo(new Athlete("Europe/Lisbon", "Ann R.", false, false));
        try (var totals = lb.driver.getKeyValueStore(LeaderboardsTopology.TOTALS_STORE).all()) {
            assertThat(totals).toIterable().isEmpty();
        }
        assertAllOutputsEmpty();
    }

    @Test
    void shouldRankWorkoutsInProgressOnTheLiveDayAndSettleToTheCompletedDistance() {
        // given: A and B start running; C ran 4 km earlier that day
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID aRun = UUID.randomUUID();
        UUID bRun = UUID.randomUUID();
        UUID cRun = UUID.randomUUID();
        lb.pipe(cRun, run(cRun, c, MORNING.minusSeconds(7200), 4_000));
        lb.pipe(aRun, LeaderboardsDriver.started(aRun, a, MORNING, SportType.RUNNING));
        lb.pipe(bRun, LeaderboardsDriver.started(bRun, b, MORNING, SportType.RUNNING));

        // then: both on the live day with nothing yet, below C; on no other board
        assertThat(values(lb.board(LIVE_RUNNING))).containsExactly(40_000L, 0L, 0L);
        assertThat(lb.athletes(LIVE_RUNNING)).containsExactlyInAnyOrder(c.toString(), a.toString(), b.toString());
        assertThat(lb.athletes(DAY_RUNNING + "distance")).containsExactly(c.toString());

        // when: progress; an update that arrives late changes nothing
        lb.progress(aRun, LeaderboardsDriver.progressed(aRun, a, MORNING.plusSeconds(600), 2_000));
        lb.progress(bRun, LeaderboardsDriver.progressed(bRun, b, MORNING.plusSeconds(900), 5_000));
        lb.progress(bRun, LeaderboardsDriver.progressed(bRun, b, MORNING.plusSeconds(600), 2_500));

        // then
        assertThat(values(lb.board(LIVE_RUNNING))).containsExactly(50_000L, 40_000L, 20_000L);
        assertThat(lb.athletes(LIVE_RUNNING)).containsExactly(b.toString(), c.toString(), a.toString());
        assertThat(lb.athletes("global/live/2025-06-01/ALL/distance")).containsExactly(b.toString(), c.toString(),
                a.toString());

        // when: A completes 10 km; a progress update of A's delivered after the completion
        lb.pipe(aRun, run(aRun, a, MORNING, 10_000));
        lb.progress(aRun, LeaderboardsDriver.progressed(aRun, a, MORNING.plusSeconds(1500), 8_000));

        // then: A settles to the completed figure, now on every board of the day
        assertThat(values(lb.board(LIVE_RUNNING))).containsExactly(100_000L, 50_000L, 40_000L);
        assertThat(lb.athletes(LIVE_RUNNING)).containsExactly(a.toString(), b.toString(), c.toString());
        assertThat(lb.athletes(DAY_RUNNING + "distance")).containsExactly(a.toString(), c.toString());

        // when: B cancels
        lb.pipe(bRun, cancel(bRun, b, MORNING.plusSeconds(1000)));

        // then
        assertThat(lb.athletes(LIVE_RUNNING)).containsExactly(a.toString(), c.toString());
        assertThat(lb.boards().keySet()).noneMatch(board -> board.startsWith("global/live/")
                && !board.endsWith("/distance"));
        assertAllOutputsEmpty();
    }

    @Test
    void shouldKeepProgressThatArrivesBeforeTheStartAndShowItOnceTheWorkoutIsStarted() {
        // given: progress first (the two topics are not ordered with each other)
        UUID athlete = UUID.randomUUID();
        UUID workout = UUID.randomUUID();
        lb.progress(workout, LeaderboardsDriver.progressed(workout, athlete, MORNING.plusSeconds(300), 1_200));
        assertThat(lb.boards()).isEmpty();

        // when
        lb.pipe(workout, LeaderboardsDriver.started(workout, athlete, MORNING, SportType.CYCLING));

        // then
        assertThat(values(lb.board("global/live/2025-06-01/CYCLING/distance"))).containsExactly(12_000L);
        assertThat(lb.boards()).hasSize(2);
        assertAllOutputsEmpty();
    }

    @Test
    void shouldDeadLetterAProgressUpdateWithANegativeDistance() {
        // given
        UUID athlete = UUID.randomUUID();
        UUID workout = UUID.randomUUID();
        lb.pipe(workout, LeaderboardsDriver.started(workout, athlete, MORNING, SportType.RUNNING));

        // when
        lb.progress(workout, LeaderboardsDriver.progressed(workout, athlete, MORNING.plusSeconds(60), -3));

        // then
        List<TestRecord<String, SpecificRecord>> letters = lb.progressDeadLetters.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), DeadLetterHandler.REASON_HEADER))
                .isEqualTo("invalid_figures: currentDistanceMeters=-3.0");
        assertThat(header(letters.get(0), DeadLetterHandler.SOURCE_HEADER))
                .startsWith(Topics.WORKOUT_PROGRESS + "/0/");
        assertThat(values(lb.board(LIVE_RUNNING))).containsExactly(0L);
        assertThat(lb.eventDeadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterWithTheReasonAWorkoutThatCannotCount() {
        // given
        UUID athlete = UUID.randomUUID();
        UUID negative = UUID.randomUUID();
        UUID misfiled = UUID.randomUUID();

        // when: a negative distance; a completion filed under another workout's key
        lb.pipe(negative, run(negative, athlete, MORNING, -5));
        lb.pipe(UUID.randomUUID(), run(misfiled, athlete, MORNING, 5_000));

        // then
        List<TestRecord<String, SpecificRecord>> letters = lb.eventDeadLetters.readRecordsToList();
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).key()).isEqualTo(negative.toString());
        assertThat(letters.get(0).value()).isInstanceOf(WorkoutCompleted.class);
        assertThat(header(letters.get(0), DeadLetterHandler.REASON_HEADER))
                .isEqualTo("invalid_figures: distanceMeters=-5.0");
        assertThat(header(letters.get(0), DeadLetterHandler.STAGE_HEADER)).isEqualTo("processing");
        assertThat(header(letters.get(0), DeadLetterHandler.SOURCE_HEADER)).startsWith(Topics.WORKOUT_EVENTS + "/0/");
        assertThat(header(letters.get(1), DeadLetterHandler.REASON_HEADER)).startsWith("key_mismatch: ");
        assertThat(lb.boards()).isEmpty();
        assertAllOutputsEmpty();
    }

    @Test
    void shouldDeadLetterAnUnknownZoneAndKeepTheAthletesZone() {
        // given: a Tokyo runner's Monday-morning run (Sunday in UTC)
        UUID athlete = UUID.randomUUID();
        lb.zone(athlete, "Asia/Tokyo");
        UUID workout = UUID.randomUUID();
        lb.pipe(workout, run(workout, athlete, Instant.parse("2025-06-01T22:30:00Z"), 5_000));

        // when
        lb.zone(athlete, "Mars/Olympus_Mons");

        // then
        TestRecord<String, UserMetricsUpdated> letter = lb.metricsDeadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(athlete.toString());
        assertThat(header(letter, DeadLetterHandler.REASON_HEADER)).isEqualTo("unknown_time_zone: Mars/Olympus_Mons");
        assertThat(header(letter, DeadLetterHandler.SOURCE_HEADER)).startsWith(Topics.USER_METRICS + "/0/");
        assertThat(lb.athletes("global/day/2025-06-02/RUNNING/distance")).containsExactly(athlete.toString());
        assertAllOutputsEmpty();
    }

    @Test
    void shouldDescribeTheTopologyAsTheReviewedSnapshot() throws IOException {
        // given
        String expected;
        try (InputStream snapshot = getClass().getResourceAsStream("/topology/leaderboards.txt")) {
            assertThat(snapshot).as("src/test/resources/topology/leaderboards.txt").isNotNull();
            expected = new String(snapshot.readAllBytes(), StandardCharsets.UTF_8);
        }

        // when
        String described = LeaderboardsTopology.build(lb.serdes).describe().toString();

        // then: a change here renames state or internal topics; update the snapshot only in a reviewed change
        assertThat(described.strip()).isEqualTo(expected.strip());
    }
}
