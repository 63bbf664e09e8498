package io.stride.processors.leaderboards.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stride.processors.leaderboards.topology.LeaderboardsSerdes;

/** Produces the beans the topology is built from. */
@ApplicationScoped
class LeaderboardsBeans {

    @Produces
    @Singleton
    LeaderboardsSerdes serdes(LeaderboardsConfig config, TelemetryKeyFollower keys) {
        return LeaderboardsSerdes.withRegistry(config.schemaRegistry().url(), config.schemaRegistry().autoRegister())
                .sealedWith(keys.keyring());
    }
}
