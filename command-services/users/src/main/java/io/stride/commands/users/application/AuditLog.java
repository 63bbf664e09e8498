package io.stride.commands.users.application;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.domain.AuditEventType;
import io.stride.commands.users.persistence.AuditEventEntity;
import io.stride.commands.users.persistence.AuditEventRepository;

/**
 * The security audit log ({@code users.audit_events}) plus one structured log line per event. {@link #record} joins
 * the caller's transaction when there is one (the event commits or rolls back with the change it describes) and opens
 * its own otherwise (refused logins, rate limiting). The client IP and correlation id come from the request in
 * progress ({@link RequestOrigin}).
 *
 * <p>{@code details} holds ids, reasons and counts only, never secrets or personal data (no emails, names, tokens,
 * codes, passwords).
 */
@ApplicationScoped
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records an event of the user (null when unknown, e.g. a login for an unknown email). */
    @WithTransaction
    public Uni<Void> record(AuditEventType type, UUID userId, Map<String, Object> details) {
        AuditEventEntity event = new AuditEventEntity();
        event.setId(UUID.randomUUID());
        event.setUserId(userId);
        event.setType(type.code());
        event.setOccurredAt(clock.instant());
        event.setIp(RequestOrigin.clientIp().orElse(null));
        event.setCorrelationId(RequestOrigin.correlationId().orElse(null));
        event.setDetails(details == null ? Map.of() : details);
        return events.persist(event)
                .invoke(() -> Log.infof("security event type=%s userId=%s details=%s", type.code(), userId,
                        event.getDetails()))
                .replaceWithVoid();
    }

    /** Records an event without details. */
    public Uni<Void> record(AuditEventType type, UUID userId) {
        return record(type, userId, Map.of());
    }

    /**
     * Erasure: the user's past events lose their user id and IP (the events themselves stay as security evidence),
     * then a {@code user_erased} event is recorded (its user id is a random id that no longer names anyone). Call it
     * from the erasure's transaction.
     */
    @WithTransaction
    public Uni<Void> userErased(UUID userId) {
        return events.anonymise(userId)
                .chain(count -> record(AuditEventType.USER_ERASED, userId, Map.of("anonymised_events", count)));
    }
}
