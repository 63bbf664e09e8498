package io.stride.processors.leaderboards.topology;

import static io.stride.processors.leaderboards.topology.LeaderboardsDriver.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.stride.processors.leaderboards.domain.BoardEntry;
import io.stride.processors.leaderboards.domain.BoardKey;
import io.stride.processors.leaderboards.domain.Metric;
import io.stride.processors.leaderboards.domain.PeriodKind;
import io.stride.processors.leaderboards.domain.Ranking;
import io.stride.processors.leaderboards.topology.BoardReader.Ranked;
import io.stride.processors.leaderboards.topology.BoardReader.Standing;

/**
 * Boards read over two shards (two drivers, each holding half of the athletes, as two tasks would) answer as the
 * same board held whole by one driver does.
 */
class BoardReaderTest {

    static final Instant MORNING = Instant.parse("2025-06-01T06:00:00Z");
    static final BoardKey DAY_DISTANCE = new BoardKey(BoardKey.GLOBAL, PeriodKind.DAY, "2025-06-01", "RUNNING",
            Metric.DISTANCE);

    final LeaderboardsDriver whole = new LeaderboardsDriver(Stores::inMemoryKeyValueStore);
    final LeaderboardsDriver firstShard = new LeaderboardsDriver(Stores::inMemoryKeyValueStore);
    final LeaderboardsDriver secondShard = new LeaderboardsDriver(Stores::inMemoryKeyValueStore);
    final List<UUID> athletes = new ArrayList<>();

    @AfterEach
    void closeDrivers() {
        whole.close();
        firstShard.close();
        secondShard.close();
    }

    /** 40 athletes, 120 runs of 1 to 8 km in whole kilometres (many ties), split over the shards by athlete. */
    void givenRunsOverTwoShards() {
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            athletes.add(UUID.randomUUID());
        }
        for (int i = 0; i < 120; i++) {
            int index = random.nextInt(athletes.size());
            UUID workout = UUID.randomUUID();
            var completion = run(workout, athletes.get(index), MORNING.plusSeconds(60L * random.nextInt(600)),
                    1000.0 * (1 + random.nextInt(8)));
            whole.pipe(workout, completion);
            (index % 2 == 0 ? firstShard : secondShard).pipe(workout, completion);
        }
    }

    BoardReader overShards() {
        return LeaderboardsDriver.reader(firstShard, secondShard);
    }

    List<Ranked> ranked(List<BoardEntry> board) {
        int[] ranks = Ranking.competition(board.stream().map(BoardEntry::value).toList());
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < board.size(); i++) {
            ranked.add(new Ranked(ranks[i], board.get(i), null));
        }
        return ranked;
    }

    @Test
    void shouldRankTheTopAsTheWholeBoardDoesWhenTheBoardIsReadOverShards() {
        // given
        givenRunsOverTwoShards();
        List<Ranked> expected = ranked(whole.board(DAY_DISTANCE.toString()));

        // when
        BoardReader.Top top = overShards().top(DAY_DISTANCE, 10);
        BoardReader.Top all = overShards().top(DAY_DISTANCE, 1000);

        // then
        assertThat(top.entries()).isEqualTo(expected.subList(0, 10));
        assertThat(all.entries()).isEqualTo(expected);
        assertThat(top.size()).isEqualTo(expected.size());
        assertThat(firstShard.board(DAY_DISTANCE.toString())).isNotEmpty().hasSizeLessThan(expected.size());
    }

    @Test
    void shouldPlaceEachAthleteWithTheirNeighboursAsTheWholeBoardDoesWhenTheBoardIsReadOverShards() {
        // given
        givenRunsOverTwoShards();
        List<Ranked> expected = ranked(whole.board(DAY_DISTANCE.toString()));

        for (int i = 0; i < expected.size(); i++) {
            // when
            String athlete = expected.get(i).entry().athleteId();
            Standing standing = overShards().standing(DAY_DISTANCE, athlete, 3).orElseThrow();

            // then
            assertThat(standing.athlete()).isEqualTo(expected.get(i));
            assertThat(standing.above()).isEqualTo(expected.subList(Math.max(0, i - 3), i));
            assertThat(standing.below()).isEqualTo(expected.subList(i + 1, Math.min(expected.size(), i + 4)));
            assertThat(standing.size()).isEqualTo(expected.size());
            assertThat(standing.topPercent()).isEqualTo(100.0 * expected.get(i).rank() / expected.size());
        }
    }

    @Test
    void shouldShowAHiddenAthleteWhereTheyWouldStandToThemselvesOnlyAsTheWholeBoardWithThemShownDoes() {
        // given: every athlete shown on the whole board; on the shards, athletes hide one after the other
        givenRunsOverTwoShards();
        BoardReader wholeReader = LeaderboardsDriver.reader(whole);
        List<Ranked> expected = ranked(whole.board(DAY_DISTANCE.toString()));

        for (int i = 0; i < expected.size(); i += 3) {
            String athlete = expected.get(i).entry().athleteId();
            LeaderboardsDriver shard = athletes.indexOf(UUID.fromString(athlete)) % 2 == 0 ? firstShard : secondShard;
            shard.profile(UUID.fromString(athlete), null, true);

            // when
            Standing own = overShards().ownStanding(DAY_DISTANCE, athlete, 3).orElseThrow();

            // then: placed and ranked as if shown; to anyone else, not on the board
            assertThat(own).isEqualTo(wholeReader.standing(DAY_DISTANCE, athlete, 3).orElseThrow());
            assertThat(overShards().standing(DAY_DISTANCE, athlete, 3)).isEmpty();
            assertThat(overShards().athlete(athlete).orElseThrow().hidden()).isTrue();
            shard.profile(UUID.fromString(athlete), null, false);
        }
        assertThat(overShards().ownStanding(DAY_DISTANCE, UUID.randomUUID().toString(), 3)).isEmpty();
    }

    @Test
    void shouldFindNoStandingWhenTheAthleteIsNotOnTheBoard() {
        // given
        givenRunsOverTwoShards();

        // when / then
        assertThat(overShards().standing(DAY_DISTANCE, UUID.randomUUID().toString(), 3)).isEmpty();
        assertThat(overShards().top(new BoardKey(BoardKey.GLOBAL, PeriodKind.DAY, "2025-06-02", "RUNNING",
                Metric.DISTANCE), 10)).isEqualTo(new BoardReader.Top(List.of(), 0));
    }
}
