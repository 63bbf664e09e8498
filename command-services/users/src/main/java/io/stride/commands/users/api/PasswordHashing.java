package io.stride.commands.users.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stride.commands.users.domain.PasswordHasher;
import io.vertx.mutiny.core.Vertx;

/**
 * Argon2id off the event loop: each hash costs ~19 MiB and tens of milliseconds of CPU, so it runs on a worker
 * thread and the result comes back on the caller's Vert.x context (where the Hibernate Reactive session lives).
 */
@ApplicationScoped
public class PasswordHashing {

    private final PasswordHasher hasher;
    private final Vertx vertx;

    public PasswordHashing(PasswordHasher hasher, Vertx vertx) {
        this.hasher = hasher;
        this.vertx = vertx;
    }

    Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> hasher.hash(password)), false);
    }

    /** Verifies against {@code phc}, or against a dummy hash (same cost, always false) when it is null. */
    Uni<Boolean> verify(String phc, String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> phc == null
                ? hasher.verifyAgainstDummy(password)
                : hasher.verify(phc, password)), false);
    }
}
