package io.stride.processors.leaderboards.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.stride.processors.leaderboards.domain.BoardEntry;

/**
 * The key layout of {@link LeaderboardsTopology#BOARD_STORE}, a task's shard of every board in rank order:
 * {@code board key (UTF-8) · 0x00 · (Long.MAX_VALUE − value) · (reachedAt, sign bit flipped) · athlete id},
 * numbers big-endian, so that RocksDB's byte order is the board's order: value descending, then who reached it
 * first, then athlete id (ADR 0016). The value is the 8-byte value again.
 */
public final class BoardIndex {

    private static final byte SEPARATOR = 0;

    private BoardIndex() {
    }

    /** The key of {@code entry} on {@code board}. */
    public static Bytes key(String board, BoardEntry entry) {
        return key(board, entry.value(), entry.reachedAtMillis(), entry.athleteId());
    }

    /** A key before every entry of {@code value} on {@code board} and after every entry of a greater value. */
    static Bytes firstKey(String board, long value) {
        return key(board, value, Long.MIN_VALUE, "");
    }

    private static Bytes key(String board, long value, long reachedAtMillis, String athleteId) {
        byte[] prefix = board.getBytes(StandardCharsets.UTF_8);
        byte[] athlete = athleteId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(prefix.length + 1 + 16 + athlete.length)
                .put(prefix)
                .put(SEPARATOR)
                .putLong(Long.MAX_VALUE - value)
                .putLong(reachedAtMillis ^ Long.MIN_VALUE)
                .put(athlete)
                .array());
    }

    /** The board's order: greater value first, then who reached it first, then athlete id (as the keys sort). */
    public static final Comparator<BoardEntry> ORDER = Comparator.comparingLong(BoardEntry::value).reversed()
            .thenComparingLong(BoardEntry::reachedAtMillis)
            .thenComparing(BoardEntry::athleteId);

    /** The stored value of {@code entry}. */
    public static byte[] value(BoardEntry entry) {
        return ByteBuffer.allocate(8).putLong(entry.value()).array();
    }

    /** The board a key belongs to. */
    public static String boardOf(Bytes key) {
        byte[] bytes = key.get();
        int separator = indexOfSeparator(bytes);
        return new String(bytes, 0, separator, StandardCharsets.UTF_8);
    }

    /** The entry a key holds. */
    public static BoardEntry entryOf(Bytes key) {
        byte[] bytes = key.get();
        int separator = indexOfSeparator(bytes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, separator + 1, 16);
        long value = Long.MAX_VALUE - buffer.getLong();
        long reachedAt = buffer.getLong() ^ Long.MIN_VALUE;
        String athlete = new String(bytes, separator + 17, bytes.length - separator - 17, StandardCharsets.UTF_8);
        return new BoardEntry(athlete, value, reachedAt);
    }

    /** A key before every entry of {@code board}. */
    static Bytes start(String board) {
        return boundary(board, SEPARATOR);
    }

    /** A key after every entry of {@code board} (and before any other board's). */
    static Bytes end(String board) {
        return boundary(board, (byte) (SEPARATOR + 1));
    }

    private static Bytes boundary(String board, byte last) {
        byte[] prefix = board.getBytes(StandardCharsets.UTF_8);
        byte[] boundary = Arrays.copyOf(prefix, prefix.length + 1);
        boundary[prefix.length] = last;
        return Bytes.wrap(boundary);
    }

    /** This shard's entries of {@code board}, in board order. */
    public static List<BoardEntry> entries(ReadOnlyKeyValueStore<Bytes, byte[]> store, String board) {
        List<BoardEntry> entries = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> iterator = store.range(start(board), end(board))) {
            while (iterator.hasNext()) {
                KeyValue<Bytes, byte[]> next = iterator.next();
                entries.add(entryOf(next.key));
            }
        }
        return entries;
    }

    private static int indexOfSeparator(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == SEPARATOR) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a board index key");
    }
}
