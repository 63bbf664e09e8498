package io.stride.processors.leaderboards.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.BoardEntry;

/** A shard held by this instance: its board index, count index and athletes ({@link LeaderboardsTopology}). */
public final class LocalShard implements BoardShard {

    private final ReadOnlyKeyValueStore<Bytes, byte[]> index;
    private final ReadOnlyKeyValueStore<Bytes, byte[]> counts;
    private final ReadOnlyKeyValueStore<String, Athlete> athletes;

    public LocalShard(ReadOnlyKeyValueStore<Bytes, byte[]> index, ReadOnlyKeyValueStore<Bytes, byte[]> counts,
            ReadOnlyKeyValueStore<String, Athlete> athletes) {
        this.index = index;
        this.counts = counts;
        this.athletes = athletes;
    }

    @Override
    public Top top(String board, int limit) {
        List<Listed> entries = new ArrayList<>(Math.min(limit, 1024));
        try (KeyValueIterator<Bytes, byte[]> range = index.range(BoardIndex.start(board), BoardIndex.end(board))) {
            while (entries.size() < limit && range.hasNext()) {
                entries.add(listed(range.next()));
            }
        }
        return new Top(entries, BoardCounts.size(counts, board));
    }

    @Override
    public Window around(String board, BoardEntry at, int k) {
        Bytes key = BoardIndex.key(board, at);
        List<Listed> above = new ArrayList<>(k);
        try (KeyValueIterator<Bytes, byte[]> before = index.reverseRange(BoardIndex.start(board), key)) {
            while (above.size() < k && before.hasNext()) {
                KeyValue<Bytes, byte[]> next = before.next();
                if (!next.key.equals(key)) {
                    above.addFirst(listed(next));
                }
            }
        }
        List<Listed> below = new ArrayList<>(k);
        try (KeyValueIterator<Bytes, byte[]> after = index.range(key, BoardIndex.end(board))) {
            while (below.size() < k && after.hasNext()) {
                KeyValue<Bytes, byte[]> next = after.next();
                if (!next.key.equals(key)) {
                    below.add(listed(next));
                }
            }
        }
        return new Window(above, below, BoardCounts.size(counts, board));
    }

    @Override
    public long[] countGreater(String board, long[] values) {
        return BoardCounts.countGreater(counts, index, board, values);
    }

    private Listed listed(KeyValue<Bytes, byte[]> stored) {
        return new Listed(BoardIndex.entryOf(stored.key), null, this::displayName);
    }

    private String displayName(String athleteId) {
        Athlete athlete = athletes.get(athleteId);
        return athlete == null ? null : athlete.displayName();
    }
}
