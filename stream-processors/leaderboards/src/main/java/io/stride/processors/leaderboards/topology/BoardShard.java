package io.stride.processors.leaderboards.topology;

import java.util.List;

import io.stride.processors.leaderboards.domain.BoardEntry;

/**
 * One shard (one partition's tasks) of every board, read where it is held: on this instance ({@link LocalShard}) or
 * on another (over HTTP). Its answers carry only what a public board shows: entries on the board (never a hidden
 * athlete's), their display names and counts.
 */
public interface BoardShard {

    /** An entry with the name boards show for its athlete (null when none is known). */
    record Listed(BoardEntry entry, String displayName) {
    }

    /** The shard's first entries of a board, and how many it holds. */
    record Top(List<Listed> entries, long size) {
    }

    /** The shard's entries just before and just after a place on a board, and how many it holds. */
    record Window(List<Listed> above, List<Listed> below, long size) {
    }

    /** The first {@code limit} entries of {@code board}, in board order, and the shard's size of it. */
    Top top(String board, int limit);

    /**
     * Up to {@code k} entries just before {@code at} and up to {@code k} just after it, in board order, never
     * {@code at} itself (which need not be on the board).
     */
    Window around(String board, BoardEntry at, int k);

    /** For each of {@code values}, how many entries of {@code board} have a greater value. */
    long[] countGreater(String board, long[] values);
}
