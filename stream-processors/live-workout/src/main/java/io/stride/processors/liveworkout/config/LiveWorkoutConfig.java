package io.stride.processors.liveworkout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the live-workout processor. */
@ConfigMapping(prefix = "live-workout")
public interface LiveWorkoutConfig {

    /** Schema registry access. */
    SchemaRegistry schemaRegistry();

    /** Schema registry access. */
    interface SchemaRegistry {

        /** Apicurio Registry API base URL, e.g. {@code http://127.0.0.1:18081/apis/registry/v3}. */
        String url();

        /** Whether serdes register missing schemas (dev and test only; production registers them in the pipeline). */
        @WithDefault("false")
        boolean autoRegister();
    }
}
