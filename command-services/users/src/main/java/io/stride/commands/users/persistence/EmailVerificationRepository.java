package io.stride.commands.users.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Pending address confirmations, by the SHA-256 of their token. */
@ApplicationScoped
public class EmailVerificationRepository implements PanacheRepositoryBase<EmailVerificationEntity, String> {
}
