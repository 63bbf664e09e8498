package io.stride.commands.users.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stride.commands.users.domain.PasswordHasher;
import io.stride.commands.users.domain.Secrets;

/** Beans around the framework-free domain classes; singletons: JDK types like SecureRandom cannot be proxied. */
@ApplicationScoped
public class UsersBeans {

    @Produces
    @Singleton
    Clock clock() {
        // Microsecond ticks: PostgreSQL's timestamptz precision, so an instant reads back as it was answered.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Produces
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Produces
    @Singleton
    PasswordHasher passwordHasher(SecureRandom random) {
        return new PasswordHasher(PasswordHasher.OWASP_MINIMUM, random);
    }

    @Produces
    @Singleton
    Secrets secrets(SecureRandom random) {
        return new Secrets(random);
    }
}
