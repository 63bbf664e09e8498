package io.stride.processors.leaderboards.topology;

import java.util.List;
import java.util.function.Function;

import io.stride.processors.leaderboards.domain.BoardEntry;

/**
 * One shard (one partition's tasks) of every board, read where it is held: on this instance ({@link LocalShard}) or
 * on another (over HTTP). Its answers carry only what a public board shows: entries on the board (never a hidden
 * athlete's), their display names and counts.
 */
public interface BoardShard {

    /**
     * An entry, with the name boards show for its athlete as a peer sent it, or where to read it: a shard held here
     * reads names only for the entries an answer keeps, not for every entry its shards offered.
     *
     * @param names reads an athlete's name on this instance; null when {@code knownName} is the name
     */
    record Listed(BoardEntry entry, String knownName, Function<String, String> names) {

        /** An entry with its athlete's name (null when none is known). */
        public static Listed named(BoardEntry entry, String displayName) {
            return new Listed(entry, displayName, null);
        }

        /** The name boards show for the athlete, null when none is known. */
        public String displayName() {
            return names == null ? knownName : names.apply(entry.athleteId());
        }
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
