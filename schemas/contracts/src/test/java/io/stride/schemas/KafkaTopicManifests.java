package io.stride.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@link Topics#catalogue()} as Strimzi {@code KafkaTopic} resources for {@code k8s/infra/kafka/topics.yaml},
 * so that Kubernetes creates exactly the topics the devstack creates. Production replicates every topic three times
 * with {@code min.insync.replicas=2}.
 *
 * <p>Regenerate after changing the catalogue: {@code ./mvnw -B -pl schemas/contracts test-compile exec:java@kafka-topics}.
 * {@code KafkaTopicManifestsTest} fails while the committed file differs.
 */
public final class KafkaTopicManifests {

    static final String CLUSTER = "stride";
    static final int REPLICAS = 3;

    private KafkaTopicManifests() {
    }

    static Path file() {
        return ModulePaths.basedir().resolve("../../k8s/infra/kafka/topics.yaml").normalize();
    }

    static String render() {
        StringBuilder yaml = new StringBuilder("""
                # Generated from io.stride.schemas.Topics.catalogue() by KafkaTopicManifests (schemas/contracts tests).
                # Do not edit: change the catalogue, then ./mvnw -B -pl schemas/contracts test-compile exec:java@kafka-topics
                """);
        for (TopicSpec topic : Topics.catalogue()) {
            Map<String, String> config = new TreeMap<>(topic.config());
            config.put("min.insync.replicas", "2");
            yaml.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1beta2\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(topic.name().replace('.', '-')).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: ").append(CLUSTER).append('\n')
                    .append("  annotations:\n")
                    .append("    stride.io/key: \"").append(topic.key()).append("\"\n")
                    .append("    stride.io/value-schemas: \"").append(String.join(",", topic.valueSchemas()))
                    .append("\"\n")
                    .append("spec:\n")
                    .append("  topicName: ").append(topic.name()).append('\n')
                    .append("  partitions: ").append(topic.partitions()).append('\n')
                    .append("  replicas: ").append(REPLICAS).append('\n')
                    .append("  config:\n");
            config.forEach((key, value) -> yaml.append("    ").append(key).append(": \"").append(value).append("\"\n"));
        }
        return yaml.toString();
    }

    public static void main(String[] args) throws IOException {
        Path file = file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, render());
        System.out.println("wrote " + file + " (" + Topics.catalogue().size() + " topics)");
    }
}
