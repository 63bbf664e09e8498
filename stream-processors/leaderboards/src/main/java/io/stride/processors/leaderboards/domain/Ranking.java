package io.stride.processors.leaderboards.domain;

import java.util.List;

/** Competition ranking ("1224"): equal values share the best rank, and the next rank skips as many as shared it. */
public final class Ranking {

    private Ranking() {
    }

    /** The ranks of {@code values}, which are in board order (descending). */
    public static int[] competition(List<Long> values) {
        int[] ranks = new int[values.size()];
        for (int i = 0; i < ranks.length; i++) {
            if (i > 0 && values.get(i).longValue() > values.get(i - 1).longValue()) {
                throw new IllegalArgumentException("values out of board order at " + i);
            }
            ranks[i] = i > 0 && values.get(i).longValue() == values.get(i - 1).longValue() ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }
}
