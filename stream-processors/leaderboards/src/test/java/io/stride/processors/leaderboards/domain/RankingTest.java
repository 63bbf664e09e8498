package io.stride.processors.leaderboards.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void shouldShareTheBestRankAndSkipTheNextWhenValuesTie() {
        // given
        List<Long> values = List.of(90L, 70L, 70L, 50L, 50L, 50L, 10L);

        // when
        int[] ranks = Ranking.competition(values);

        // then
        assertThat(ranks).containsExactly(1, 2, 2, 4, 4, 4, 7);
    }

    @Test
    void shouldRefuseValuesWhenTheyAreNotInBoardOrder() {
        // given
        List<Long> values = List.of(10L, 20L);

        // when / then
        assertThatThrownBy(() -> Ranking.competition(values)).isInstanceOf(IllegalArgumentException.class);
    }
}
