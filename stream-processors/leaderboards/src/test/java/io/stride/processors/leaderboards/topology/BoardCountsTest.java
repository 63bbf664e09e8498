package io.stride.processors.leaderboards.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import io.stride.processors.leaderboards.domain.BoardEntry;

/** The count index against counting the board's entries one by one, over every value class. */
class BoardCountsTest {

    static final String BOARD = "global/week/2025-W23/RUNNING/distance";
    static final String NEIGHBOUR = "global/week/2025-W23/RUNNING/elevation";

    final KeyValueStore<Bytes, byte[]> index = store("index");
    final KeyValueStore<Bytes, byte[]> counts = store("counts");

    static KeyValueStore<Bytes, byte[]> store(String name) {
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    final BoardCounts.Deltas changes = new BoardCounts.Deltas();

    void put(String board, BoardEntry entry) {
        index.put(BoardIndex.key(board, entry), BoardIndex.value(entry));
        changes.add(board, entry.value(), 1);
        changes.writeTo(counts);
    }

    void remove(String board, BoardEntry entry) {
        index.delete(BoardIndex.key(board, entry));
        changes.add(board, entry.value(), -1);
        changes.writeTo(counts);
    }

    @Test
    void shouldCountTheEntriesOfAGreaterValueAsCountingThemOneByOneDoes() {
        // given: 3,000 entries from 0 to 2^40 (exact small values, many ties, wide buckets), a third removed again,
        // beside a board whose entries must not count
        Random random = new Random(11);
        List<BoardEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            long value = switch (i % 3) {
                case 0 -> random.nextInt(300);
                case 1 -> random.nextInt(1 << 20);
                default -> random.nextLong(1L << 40);
            };
            BoardEntry entry = new BoardEntry(UUID.randomUUID().toString(), value, random.nextInt(1000));
            entries.add(entry);
            put(BOARD, entry);
            put(NEIGHBOUR, new BoardEntry(entry.athleteId(), value / 2 + 1, 0));
        }
        for (int i = 0; i < 1_000; i++) {
            remove(BOARD, entries.remove(random.nextInt(entries.size())));
        }

        // when / then
        assertThat(BoardCounts.size(counts, BOARD)).isEqualTo(entries.size());
        List<Long> asked = new ArrayList<>(List.of(0L, 255L, 256L, 257L, Long.MAX_VALUE - 1));
        entries.forEach(entry -> asked.addAll(List.of(entry.value(), entry.value() + 1, entry.value() - 1)));
        long[] all = BoardCounts.countGreater(counts, index, BOARD, asked.stream().mapToLong(Long::longValue)
                .toArray());
        for (int i = 0; i < asked.size(); i++) {
            long value = asked.get(i);
            assertThat(BoardCounts.countGreater(counts, index, BOARD, new long[] {value})[0])
                    .as("entries over %d", value)
                    .isEqualTo(entries.stream().filter(entry -> entry.value() > value).count())
                    .isEqualTo(all[i]);
        }
    }

    @Test
    void shouldWriteNothingForAnEntryReplacedByOneOfTheSameValueClass() {
        // given
        BoardEntry before = new BoardEntry(UUID.randomUUID().toString(), 300_000, 0);
        put(BOARD, before);
        long sizeCount = counts.approximateNumEntries();

        // when: one record takes the entry out and puts it back with another value, counted as one change
        BoardEntry after = new BoardEntry(before.athleteId(), 300_001, 1);
        changes.add(BOARD, before.value(), -1);
        changes.add(BOARD, after.value(), 1);
        changes.writeTo(counts);

        // then: the same keys (size, class, bucket), still one entry
        assertThat(counts.approximateNumEntries()).isEqualTo(sizeCount);
        assertThat(BoardCounts.size(counts, BOARD)).isEqualTo(1);
    }

    @Test
    void shouldLeaveNoCountOfABoardWhoseEntriesAllLeft() {
        // given
        BoardEntry entry = new BoardEntry(UUID.randomUUID().toString(), 123_456, 0);
        put(BOARD, entry);

        // when
        remove(BOARD, entry);

        // then
        assertThat(counts.approximateNumEntries()).isZero();
        assertThat(BoardCounts.size(counts, BOARD)).isZero();
    }
}
