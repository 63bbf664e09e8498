package io.stride.processors.liveworkout.domain;

/** Current, average (mean of the readings) and maximum of an integer sensor such as cadence or power. */
public final class SensorStats {

    Integer current;
    long sum;
    long count;
    Integer max;

    SensorStats copy() {
        SensorStats copy = new SensorStats();
        copy.current = current;
        copy.sum = sum;
        copy.count = count;
        copy.max = max;
        return copy;
    }

    void add(Integer value) {
        if (value == null) {
            return;
        }
        current = value;
        sum += value;
        count++;
        max = max == null ? value : Math.max(max, value);
    }

    /** Latest reading, null before the first. */
    public Integer current() {
        return current;
    }

    /** Rounded mean of the readings, null before the first. */
    public Integer average() {
        return count == 0 ? null : (int) Math.round((double) sum / count);
    }

    /** Highest reading, null before the first. */
    public Integer max() {
        return max;
    }
}
