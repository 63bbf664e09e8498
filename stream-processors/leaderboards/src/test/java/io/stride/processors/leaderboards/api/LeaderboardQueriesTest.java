package io.stride.processors.leaderboards.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.stride.platform.http.ApiException;
import io.stride.processors.leaderboards.config.LeaderboardsConfig;
import io.stride.processors.leaderboards.topology.ActiveShards;
import io.stride.processors.leaderboards.topology.LeaderboardsSerdes;
import io.stride.processors.leaderboards.topology.LeaderboardsTopology;
import io.stride.schemas.testkit.TestSerdes;
import io.stride.schemas.users.PublicProfile;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserMetricsUpdated;

class LeaderboardQueriesTest {

    /** The configuration's defaults. */
    static final LeaderboardsConfig DEFAULTS = new LeaderboardsConfig() {
        @Override
        public String telemetryKekLocation() {
            return "unused";
        }

        @Override
        public SchemaRegistry schemaRegistry() {
            return null;
        }

        @Override
        public int maxLimit() {
            return 100;
        }

        @Override
        public int maxNeighbours() {
            return 50;
        }

        @Override
        public int retryAfterSeconds() {
            return 2;
        }

        @Override
        public java.time.Duration pushInterval() {
            return java.time.Duration.ofSeconds(1);
        }

        @Override
        public java.time.Duration topMaxAge() {
            return java.time.Duration.ofMillis(100);
        }

        @Override
        public String advertisedServer() {
            return "127.0.0.1:8087";
        }

        @Override
        public java.time.Duration peerTimeout() {
            return java.time.Duration.ofSeconds(2);
        }

        @Override
        public Page page() {
            return () -> "http://127.0.0.1:8084";
        }
    };

    @Test
    void shouldAnswer503WithRetryAfterWhenTheStreamsAreNotRunning() {
        // given: the processor's real Kafka Streams, created but not started (as at start-up)
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "leaderboards-queries-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.put(StreamsConfig.STATE_DIR_CONFIG, "target/kafka-streams-test/" + UUID.randomUUID());
        LeaderboardsSerdes serdes = new LeaderboardsSerdes(TestSerdes.workoutEvents(),
                TestSerdes.specific(UserMetricsUpdated.class), TestSerdes.specific(UserErased.class),
                TestSerdes.specific(PublicProfile.class));
        try (KafkaStreams streams = new KafkaStreams(LeaderboardsTopology.build(serdes), config)) {
            LeaderboardQueries queries = new LeaderboardQueries(streams, DEFAULTS,
                    new PeerShards(new ObjectMapper(), DEFAULTS), new ActiveShards());

            // when / then: never a rank counted over part of a board, nor a guess where an athlete is held
            for (ThrowingCallable query : List.<ThrowingCallable>of(queries::reader,
                    () -> queries.home(UUID.randomUUID().toString()), () -> queries.localShard(0))) {
                assertThatThrownBy(query).isInstanceOfSatisfying(ApiException.class, unavailable -> {
                    assertThat(unavailable.status()).isEqualTo(503);
                    assertThat(unavailable.retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(2)));
                });
            }
        }
    }
}
