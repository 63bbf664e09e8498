package io.stride.processors.leaderboards.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * doubling): a bucket spans under 1 % of its values. Keys, each {@code digest(board) · tag …} ({@link #digest}), in
 * the board's order (greater values first):
 * <ul>
 *   <li>{@code 0x01} → the board's size;</li>
 *   <li>{@code 0x02 · (255 − class)} → the entries of the class;</li>
 *   <li>{@code 0x03 · (255 − class) · (255 − bucket)} → the entries of the bucket;</li>
 * </ul>
 * each an 8-byte count. "Entries with a greater value than v" is the sum of the classes above v's, the buckets of
 * v's class above v's bucket, and the entries of v's own bucket above v (walked on the board, at most one bucket).
 */
public final class BoardCounts {

    private static final int DIGEST_BYTES = 16;
    private static final byte SIZE = 1;
    private static final byte CLASS = 2;
    private static final byte BUCKET = 3;
    private static final int MANTISSA_BITS = 8;

    private BoardCounts() {
    }

    /**
     * The count changes of one input record, summed per key before they are written: an entry replaced by one of
     * another value leaves its board's size (and mostly its value class) as it was, and nothing is written for it.
     */
    static final class Deltas {

        private final Map<Bytes, Long> deltas = new HashMap<>();

        /** Counts an entry of {@code value} on {@code board} in ({@code delta} 1) or out ({@code delta} −1). */
        void add(String board, long value, int delta) {
            int valueClass = valueClass(value);
            byte[] digest = digest(board);
            deltas.merge(key(digest, SIZE), (long) delta, Long::sum);
            deltas.merge(key(digest, CLASS, 255 - valueClass), (long) delta, Long::sum);
            deltas.merge(key(digest, BUCKET, 255 - valueClass, 255 - bucket(value, valueClass)), (long) delta,
                    Long::sum);
        }

        /** Writes the changes that do not cancel out to {@code counts} and forgets them. */
        void writeTo(KeyValueStore<Bytes, byte[]> counts) {
            deltas.forEach((key, delta) -> {
                if (delta != 0) {
                    increment(counts, key, delta);
                }
            });
            deltas.clear();
        }
    }

    /** How many entries {@code board} holds in this shard. */
    public static long size(ReadOnlyKeyValueStore<Bytes, byte[]> counts, String board) {
        return count(counts.get(key(digest(board), SIZE)));
    }

    /**
     * For each of {@code values}, how many entries of {@code board} in this shard have a greater value: the classes
     * read once, the buckets of each class asked about once, each bucket asked about walked once.
     */
    public static long[] countGreater(ReadOnlyKeyValueStore<Bytes, byte[]> counts,
            ReadOnlyKeyValueStore<Bytes, byte[]> index, String board, long[] values) {
        long[] greater = new long[values.length];
        byte[] digest = digest(board);
        long[] byClass = null;
        Map<Integer, long[]> bucketsByClass = new HashMap<>();
        Map<Long, long[]> walkedByBucketTop = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            long value = values[i];
            if (value < 0) {
                greater[i] = size(counts, board);
                continue;
            }
            if (byClass == null) {
                byClass = countsOf(counts, key(digest, CLASS));
            }
            int valueClass = valueClass(value);
            int bucket = bucket(value, valueClass);
            long sum = 0;
            for (int above = 255 - valueClass - 1; above >= 0; above--) {
                sum += byClass[above];
            }
            long[] buckets = bucketsByClass.computeIfAbsent(valueClass,
                    c -> countsOf(counts, key(digest, BUCKET, 255 - c)));
            for (int above = 255 - bucket - 1; above >= 0; above--) {
                sum += buckets[above];
            }
            long bucketTop = valueClass == 0 ? value : ((bucket + 1L) << valueClass) - 1;
            if (bucketTop > value) {
                long[] walked = walkedByBucketTop.computeIfAbsent(bucketTop,
                        top -> valuesFrom(index, board, top, (top >>> valueClass) << valueClass));
                for (long entry : walked) {
                    sum += entry > value ? 1 : 0;
                }
            }
            greater[i] = sum;
        }
        return greater;
    }

    /** The counts of the keys one byte longer than {@code prefix}, by that byte. */
    private static long[] countsOf(ReadOnlyKeyValueStore<Bytes, byte[]> counts, Bytes prefix) {
        long[] byByte = new long[256];
        byte[] from = prefix.get();
        byte[] to = Arrays.copyOf(from, from.length + 1);
        to[from.length] = (byte) 0xff;
        try (KeyValueIterator<Bytes, byte[]> range = counts.range(prefix, Bytes.wrap(to))) {
            while (range.hasNext()) {
                KeyValue<Bytes, byte[]> next = range.next();
                byte[] key = next.key.get();
                if (key.length == from.length + 1) {
                    byByte[key[from.length] & 0xff] += count(next.value);
                }
            }
        }
        return byByte;
    }

    /** The values of the board's entries from {@code top} down to {@code bottom}, both included. */
    private static long[] valuesFrom(ReadOnlyKeyValueStore<Bytes, byte[]> index, String board, long top,
            long bottom) {
        List<Long> values = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> range = index.range(BoardIndex.firstKey(board, top),
                BoardIndex.firstKey(board, bottom - 1))) {
            while (range.hasNext()) {
                values.add(BoardIndex.entryOf(range.next().key).value());
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** 0 for a value below 256, else its bit length − 8 (values are never negative: figures are checked). */
    static int valueClass(long value) {
        return Math.max(0, 64 - Long.numberOfLeadingZeros(Math.max(0, value)) - MANTISSA_BITS);
    }

    private static int bucket(long value, int valueClass) {
        return (int) (Math.max(0, value) >>> valueClass);
    }

    private static void increment(KeyValueStore<Bytes, byte[]> counts, Bytes key, long delta) {
        long next = count(counts.get(key)) + delta;
        if (next == 0) {
            counts.delete(key);
        } else {
            counts.put(key, ByteBuffer.allocate(8).putLong(next).array());
        }
    }

    private static long count(byte[] stored) {
        return stored == null ? 0 : ByteBuffer.wrap(stored).getLong();
    }

    private static Bytes key(byte[] digest, byte tag, int... parts) {
        ByteBuffer key = ByteBuffer.allocate(DIGEST_BYTES + 1 + parts.length).put(digest).put(tag);
        for (int part : parts) {
            key.put((byte) part);
        }
        return Bytes.wrap(key.array());
    }

    /**
     * The board's key in the count index: 16 bytes of the SHA-256 of its name, so that the counts' keys are short
     * (their cache compares keys on every count change) and equally long whatever the board.
     */
    static byte[] digest(String board) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(board.getBytes(StandardCharsets.UTF_8)),
                    DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
