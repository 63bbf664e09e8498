package io.stride.ingest.telemetrygateway.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stride.ingest.telemetrygateway.messaging.InFlightLimit;
import io.stride.ingest.telemetrygateway.messaging.SamplePublisher;
import io.stride.ingest.telemetrygateway.validation.SampleLimits;
import io.stride.ingest.telemetrygateway.validation.SampleValidator;

/** Produces the gateway's plain-Java collaborators from its configuration. */
@ApplicationScoped
class GatewayBeans {

    @Produces
    @Singleton
    SampleValidator sampleValidator(GatewayConfig config) {
        return new SampleValidator(new SampleLimits(config.maxClockSkew(), config.maxSampleAge()));
    }

    @Produces
    @Singleton
    InFlightLimit inFlightLimit(GatewayConfig config) {
        if (config.maxInFlightSamples() > SamplePublisher.EMITTER_BUFFER) {
            throw new IllegalStateException("telemetry-gateway.max-in-flight-samples (" + config.maxInFlightSamples()
                    + ") may not exceed the emitter's buffer (" + SamplePublisher.EMITTER_BUFFER + ")");
        }
        return new InFlightLimit(config.maxInFlightSamples());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
