package io.stride.commands.goals.config;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Beans around the framework-free domain; singletons: final JDK types cannot be proxied. */
@ApplicationScoped
public class GoalsBeans {

    @Produces
    @Singleton
    Clock clock() {
        // Microsecond ticks: PostgreSQL's timestamptz precision, so an instant reads back as it was answered.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
