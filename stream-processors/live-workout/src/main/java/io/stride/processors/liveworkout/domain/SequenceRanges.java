package io.stride.processors.liveworkout.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Sequence numbers of one device already applied, as sorted disjoint closed ranges (a device counts up, so this is
 * usually one range). Bounded: beyond {@link #MAX_RANGES} gaps the oldest range is forgotten.
 */
public final class SequenceRanges {

    static final int MAX_RANGES = 64;

    List<long[]> ranges = new ArrayList<>();

    SequenceRanges copy() {
        SequenceRanges copy = new SequenceRanges();
        for (long[] range : ranges) {
            copy.ranges.add(range.clone());
        }
        return copy;
    }

    boolean contains(long sequence) {
        for (long[] range : ranges) {
            if (sequence >= range[0] && sequence <= range[1]) {
                return true;
            }
        }
        return false;
    }

    void add(long sequence) {
        int index = 0;
        while (index < ranges.size() && ranges.get(index)[1] < sequence - 1) {
            index++;
        }
        if (index == ranges.size() || ranges.get(index)[0] > sequence + 1) {
            ranges.add(index, new long[] {sequence, sequence});
        } else {
            long[] range = ranges.get(index);
            range[0] = Math.min(range[0], sequence);
            range[1] = Math.max(range[1], sequence);
            if (index + 1 < ranges.size() && ranges.get(index + 1)[0] <= range[1] + 1) {
                range[1] = Math.max(range[1], ranges.remove(index + 1)[1]);
            }
        }
        while (ranges.size() > MAX_RANGES) {
            ranges.removeFirst();
        }
    }
}
