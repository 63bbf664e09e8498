package io.stride.processors.leaderboards.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.BoardEntry;
import io.stride.processors.leaderboards.domain.BoardKey;
import io.stride.processors.leaderboards.domain.Bucket;
import io.stride.processors.leaderboards.domain.Totals;

/**
 * Reads boards over every shard (one per task, ADR 0016): the shards' entries, each in board order, are merged in
 * board order, and ranks are counted over the merge (competition ranking: an entry's rank is one more than the
 * entries with a greater value). The caller hands in the stores of every partition, or none: a board read from
 * some shards only would give wrong ranks.
 */
public final class BoardReader {

    private final List<ReadOnlyKeyValueStore<Bytes, byte[]>> boards;
    private final List<ReadOnlyKeyValueStore<String, Totals>> totals;
    private final List<ReadOnlyKeyValueStore<String, Athlete>> athletes;

    /**
     * @param boards every shard of {@link LeaderboardsTopology#BOARD_STORE}
     * @param totals every shard of {@link LeaderboardsTopology#TOTALS_STORE}
     * @param athletes every shard of {@link LeaderboardsTopology#ATHLETES_STORE}
     */
    public BoardReader(List<ReadOnlyKeyValueStore<Bytes, byte[]>> boards,
            List<ReadOnlyKeyValueStore<String, Totals>> totals, List<ReadOnlyKeyValueStore<String, Athlete>> athletes) {
        this.boards = List.copyOf(boards);
        this.totals = List.copyOf(totals);
        this.athletes = List.copyOf(athletes);
    }

    /** The name boards show for the athlete; empty when none is known (no public profile yet). */
    public Optional<String> displayName(String athleteId) {
        return athlete(athleteId).map(Athlete::displayName);
    }

    /** An entry with its rank. */
    public record Ranked(int rank, BoardEntry entry) {
    }

    /**
     * An athlete's place on a board.
     *
     * @param athlete the athlete's entry and rank
     * @param above up to k entries before it, in board order
     * @param below up to k entries after it, in board order
     * @param size how many athletes the board holds
     */
    public record Standing(Ranked athlete, List<Ranked> above, List<Ranked> below, long size) {

        /** The athlete's rank as a share of the board: 1 % means in the top hundredth. */
        public double topPercent() {
            return 100.0 * athlete.rank() / size;
        }
    }

    /** The first {@code limit} entries of {@code board}, ranked. */
    public List<Ranked> top(BoardKey board, int limit) {
        List<Ranked> top = new ArrayList<>(Math.min(limit, 1024));
        try (Merge merge = new Merge(board.toString())) {
            Ranker ranker = new Ranker();
            while (top.size() < limit && merge.hasNext()) {
                top.add(ranker.rank(merge.next()));
            }
        }
        return top;
    }

    /** How many athletes {@code board} holds. */
    public long size(BoardKey board) {
        long size = 0;
        for (ReadOnlyKeyValueStore<Bytes, byte[]> shard : boards) {
            try (KeyValueIterator<Bytes, byte[]> entries = range(shard, board.toString())) {
                while (entries.hasNext()) {
                    entries.next();
                    size++;
                }
            }
        }
        return size;
    }

    /** Where {@code athleteId} stands on {@code board} with {@code neighbours} entries either side; empty if absent. */
    public Optional<Standing> standing(BoardKey board, String athleteId, int neighbours) {
        return standing(board, athleteId, neighbours, false);
    }

    /**
     * Where {@code athleteId} would stand on {@code board} were they shown, for the athlete who hides from public
     * boards (their totals are kept, their entries are not on the board): their entry is placed where the board's
     * order puts it, ranked among the others, and counted in the size. Empty when they have no total on the board's
     * period and sport; the same as {@link #standing} when they are on the board.
     */
    public Optional<Standing> ownStanding(BoardKey board, String athleteId, int neighbours) {
        return standing(board, athleteId, neighbours, true);
    }

    /** The athlete as the boards know them (zone, name, hidden, erased); empty when nothing is known. */
    public Optional<Athlete> athlete(String athleteId) {
        for (ReadOnlyKeyValueStore<String, Athlete> shard : athletes) {
            Athlete found = shard.get(athleteId);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private Optional<Standing> standing(BoardKey board, String athleteId, int neighbours, boolean placeIfAbsent) {
        Totals mine = totalsOf(athleteId, new Bucket(board.kind(), board.periodId(), board.sport()));
        if (mine == null) {
            return Optional.empty();
        }
        BoardEntry own = new BoardEntry(athleteId, mine.value(board.metric()), mine.reachedAt(board.metric()));
        Bytes ownKey = BoardIndex.key(board.toString(), own);
        Deque<Ranked> above = new ArrayDeque<>();
        List<Ranked> below = new ArrayList<>();
        Ranked athlete = null;
        boolean placed = false;
        try (Merge merge = new Merge(board.toString())) {
            Ranker ranker = new Ranker();
            while ((merge.hasNext() || placeIfAbsent && athlete == null)
                    && (athlete == null || below.size() < neighbours)) {
                Bytes next = merge.peekKey();
                if (athlete == null && placeIfAbsent && (next == null || next.compareTo(ownKey) > 0)) {
                    athlete = ranker.rank(own);
                    placed = true;
                    continue;
                }
                Ranked ranked = ranker.rank(merge.next());
                if (athlete != null) {
                    below.add(ranked);
                } else if (ranked.entry().athleteId().equals(athleteId)) {
                    athlete = ranked;
                } else {
                    above.addLast(ranked);
                    if (above.size() > neighbours) {
                        above.removeFirst();
                    }
                }
            }
        }
        if (athlete == null) {
            return Optional.empty();
        }
        return Optional.of(new Standing(athlete, List.copyOf(above), List.copyOf(below),
                size(board) + (placed ? 1 : 0)));
    }

    private Totals totalsOf(String athleteId, Bucket bucket) {
        String key = athleteId + "/" + bucket.path();
        for (ReadOnlyKeyValueStore<String, Totals> shard : totals) {
            Totals found = shard.get(key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Competition ranks over entries read in board order. */
    private static final class Ranker {
        private int position;
        private int rank;
        private long previous;

        Ranked rank(BoardEntry entry) {
            position++;
            if (position == 1 || entry.value() != previous) {
                rank = position;
            }
            previous = entry.value();
            return new Ranked(rank, entry);
        }
    }

    private static KeyValueIterator<Bytes, byte[]> range(ReadOnlyKeyValueStore<Bytes, byte[]> shard, String board) {
        byte[] prefix = board.getBytes(StandardCharsets.UTF_8);
        byte[] from = Arrays.copyOf(prefix, prefix.length + 1);
        byte[] to = Arrays.copyOf(prefix, prefix.length + 1);
        to[prefix.length] = 1;
        return shard.range(Bytes.wrap(from), Bytes.wrap(to));
    }

    /** The shards' entries of one board, merged in board order (their keys' byte order). */
    private final class Merge implements AutoCloseable {
        private final List<KeyValueIterator<Bytes, byte[]>> open = new ArrayList<>();
        private final PriorityQueue<Head> heads = new PriorityQueue<>();

        private record Head(Bytes key, KeyValueIterator<Bytes, byte[]> rest) implements Comparable<Head> {
            @Override
            public int compareTo(Head other) {
                return key.compareTo(other.key);
            }
        }

        Merge(String board) {
            for (ReadOnlyKeyValueStore<Bytes, byte[]> shard : boards) {
                KeyValueIterator<Bytes, byte[]> entries = range(shard, board);
                open.add(entries);
                advance(entries);
            }
        }

        private void advance(KeyValueIterator<Bytes, byte[]> entries) {
            if (entries.hasNext()) {
                KeyValue<Bytes, byte[]> next = entries.next();
                heads.add(new Head(next.key, entries));
            }
        }

        boolean hasNext() {
            return !heads.isEmpty();
        }

        /** The next entry's index key without taking it; null at the end. */
        Bytes peekKey() {
            return heads.isEmpty() ? null : heads.peek().key();
        }

        BoardEntry next() {
            Head head = heads.poll();
            advance(head.rest());
            return BoardIndex.entryOf(head.key());
        }

        @Override
        public void close() {
            open.forEach(KeyValueIterator::close);
        }
    }
}
