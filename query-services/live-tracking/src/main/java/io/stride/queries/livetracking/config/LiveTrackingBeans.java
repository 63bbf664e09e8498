package io.stride.queries.livetracking.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.common.serialization.Serde;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.schemas.live.LiveWorkoutState;

/** Produces the registry-backed serde the view topology reads with, and the clock. */
@ApplicationScoped
class LiveTrackingBeans {

    @Produces
    @Singleton
    Serde<LiveWorkoutState> liveWorkoutStateSerde(LiveTrackingConfig config) {
        return RegistrySerdes.forValues(config.schemaRegistry().url(), config.schemaRegistry().autoRegister());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
