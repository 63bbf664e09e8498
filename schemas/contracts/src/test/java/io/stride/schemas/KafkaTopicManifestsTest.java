package io.stride.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

class KafkaTopicManifestsTest {

    @Test
    void shouldMatchTheCatalogueWhenTheCommittedManifestsAreRead() throws IOException {
        // given
        String generated = KafkaTopicManifests.render();

        // when
        String committed = Files.readString(KafkaTopicManifests.file());

        // then
        assertThat(committed)
                .as("k8s/infra/kafka/topics.yaml is stale: run ./mvnw -B -pl schemas/contracts test-compile "
                        + "exec:java@kafka-topics")
                .isEqualTo(generated);
    }

    @Test
    void shouldDescribeEveryTopicWhenRendered() {
        // when
        String yaml = KafkaTopicManifests.render();

        // then
        for (TopicSpec topic : Topics.catalogue()) {
            assertThat(yaml).contains("  topicName: " + topic.name() + "\n  partitions: " + topic.partitions() + "\n");
        }
        assertThat(yaml).contains("    retention.ms: \"7776000000\"");
        assertThat(yaml.split("\nkind: KafkaTopic\n", -1)).hasSize(Topics.catalogue().size() + 1);
    }
}
