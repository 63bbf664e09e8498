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

    /** Topic-level Kafka configuration to create the topic with. */
    public Map<String, String> config() {
        String retentionMs = retention == null ? "-1" : Long.toString(retention.toMillis());
        return Map.of("cleanup.policy", cleanupPolicy, "retention.ms", retentionMs);
    }
}
