package io.stride.processors.leaderboards.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The count index of a shard ({@link LeaderboardsTopology#COUNTS_STORE}, ADR 0016): how many entries each board
 * holds, per value class and per value bucket, so that "how many athletes are ahead of this value" reads a few
 * hundred counts instead of walking the board.
 * <p>
 * A value below 256 is its own bucket (class 0, exact: numbers of workouts, short distances). A larger value of bit
 * length {@code L} is in class {@code L − 8} and bucket {@code value >>> (L − 8)} (its top 8 bits, 128 buckets per
 * doubling): a bucket spans under 1 % of its values. Keys, each {@code board · 0x00 · tag …}, in the board's order
 * (greater values first):
 * <ul>
 *   <li>{@code 0x01} → the board's size;</li>
 *   <li>{@code 0x02 · (255 − class)} → the entries of the class;</li>
 *   <li>{@code 0x03 · (255 − class) · (255 − bucket)} → the entries of the bucket;</li>
 * </ul>
 * each an 8-byte count. "Entries with a greater value than v" is the sum of the classes above v's, the buckets of
 * v's class above v's bucket, and the entries of v's own bucket above v (walked on the board, at most one bucket).
 */
public final class BoardCounts {

    private static final byte SEPARATOR = 0;
    private static final byte SIZE = 1;
    private static final byte CLASS = 2;
    private static final byte BUCKET = 3;
    private static final int MANTISSA_BITS = 8;

    private BoardCounts() {
    }

    /** Counts an entry of {@code value} on {@code board} in ({@code delta} 1) or out ({@code delta} −1). */
    static void add(KeyValueStore<Bytes, byte[]> counts, String board, long value, int delta) {
        int valueClass = valueClass(value);
        increment(counts, key(board, SIZE), delta);
        increment(counts, key(board, CLASS, 255 - valueClass), delta);
        increment(counts, key(board, BUCKET, 255 - valueClass, 255 - bucket(value, valueClass)), delta);
    }

    /** How many entries {@code board} holds in this shard. */
    public static long size(ReadOnlyKeyValueStore<Bytes, byte[]> counts, String board) {
        return count(counts.get(key(board, SIZE)));
    }

    /** How many entries of {@code board} in this shard have a value greater than {@code value}. */
    public static long countGreater(ReadOnlyKeyValueStore<Bytes, byte[]> counts,
            ReadOnlyKeyValueStore<Bytes, byte[]> index, String board, long value) {
        if (value < 0) {
            return size(counts, board);
        }
        int valueClass = valueClass(value);
        int bucket = bucket(value, valueClass);
        long greater = sum(counts, key(board, CLASS), key(board, CLASS, 255 - valueClass));
        greater += sum(counts, key(board, BUCKET, 255 - valueClass), key(board, BUCKET, 255 - valueClass, 255 - bucket));
        long bucketTop = valueClass == 0 ? value : ((bucket + 1L) << valueClass) - 1;
        if (bucketTop > value) {
            try (KeyValueIterator<Bytes, byte[]> above = index.range(BoardIndex.firstKey(board, bucketTop),
                    BoardIndex.firstKey(board, value))) {
                while (above.hasNext()) {
                    above.next();
                    greater++;
                }
            }
        }
        return greater;
    }

    /** 0 for a value below 256, else its bit length − 8 (values are never negative: figures are checked). */
    static int valueClass(long value) {
        return Math.max(0, 64 - Long.numberOfLeadingZeros(Math.max(0, value)) - MANTISSA_BITS);
    }

    private static int bucket(long value, int valueClass) {
        return (int) (Math.max(0, value) >>> valueClass);
    }

    private static void increment(KeyValueStore<Bytes, byte[]> counts, Bytes key, int delta) {
        long next = count(counts.get(key)) + delta;
        if (next == 0) {
            counts.delete(key);
        } else {
            counts.put(key, ByteBuffer.allocate(8).putLong(next).array());
        }
    }

    /** The counts of the keys in [{@code from}, {@code to}). */
    private static long sum(ReadOnlyKeyValueStore<Bytes, byte[]> counts, Bytes from, Bytes to) {
        long sum = 0;
        try (KeyValueIterator<Bytes, byte[]> range = counts.range(from, to)) {
            while (range.hasNext()) {
                KeyValue<Bytes, byte[]> next = range.next();
                if (!next.key.equals(to)) {
                    sum += count(next.value);
                }
            }
        }
        return sum;
    }

    private static long count(byte[] stored) {
        return stored == null ? 0 : ByteBuffer.wrap(stored).getLong();
    }

    private static Bytes key(String board, byte tag, int... parts) {
        byte[] prefix = board.getBytes(StandardCharsets.UTF_8);
        ByteBuffer key = ByteBuffer.allocate(prefix.length + 2 + parts.length).put(prefix).put(SEPARATOR).put(tag);
        for (int part : parts) {
            key.put((byte) part);
        }
        return Bytes.wrap(key.array());
    }
}
