package io.stride.schemas;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How one Kafka topic is laid out: what its records are keyed by, which Avro records its values hold, how many
 * partitions it has and how long its data is kept.
 *
 * @param name          topic name, {@code <domain>.<dataset>} in kebab segments
 * @param key           what the record key is (always a string id)
 * @param valueSchemas  full names of the Avro records the topic's values may hold
 * @param partitions    number of partitions (records with the same key stay on one partition)
 * @param cleanupPolicy Kafka {@code cleanup.policy}: {@code delete}, {@code compact} or {@code compact,delete}
 * @param retention     how long records are kept; {@code null} means forever (compacted topics only)
 */
public record TopicSpec(
        String name,
        String key,
        List<String> valueSchemas,
        int partitions,
        String cleanupPolicy,
        Duration retention) {

    /**
     * How long a superseded value or a deleted key (a tombstone's predecessors) may stay in a compacted topic: a
     * segment is closed after at most {@link #COMPACTED_SEGMENT_AGE} when records keep arriving, and the cleaner must
     * compact a record within {@link #MAX_COMPACTION_LAG} of its writing. This bounds how long an erased user's last
     * values physically outlive their tombstones (ADR 0010).
     */
    public static final Duration MAX_COMPACTION_LAG = Duration.ofDays(1);

    /** The longest a compacted topic's active segment stays open while records keep arriving. */
    public static final Duration COMPACTED_SEGMENT_AGE = Duration.ofHours(1);

    /** Topic-level Kafka configuration to create the topic with. */
    public Map<String, String> config() {
        String retentionMs = retention == null ? "-1" : Long.toString(retention.toMillis());
        if (!cleanupPolicy.contains("compact")) {
            return Map.of("cleanup.policy", cleanupPolicy, "retention.ms", retentionMs);
        }
        return Map.of("cleanup.policy", cleanupPolicy, "retention.ms", retentionMs,
                "segment.ms", Long.toString(COMPACTED_SEGMENT_AGE.toMillis()),
                "max.compaction.lag.ms", Long.toString(MAX_COMPACTION_LAG.toMillis()));
    }
}
