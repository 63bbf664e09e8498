package io.stride.commands.users.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.domain.UserNotFound;
import io.stride.commands.users.persistence.DataKeyRepository;
import io.stride.commands.users.persistence.RecoveryCodeRepository;
import io.stride.commands.users.persistence.RefreshTokenRepository;
import io.stride.commands.users.persistence.SessionEntity;
import io.stride.commands.users.persistence.SessionRepository;
import io.stride.commands.users.persistence.UserEntity;
import io.stride.commands.users.persistence.UserRepository;
import io.stride.platform.outbox.Outbox;
import io.stride.schemas.Topics;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserErasedData;

/**
 * The right to erasure (GDPR art. 17), in one transaction: the user's devices go (a tombstone per device on
 * {@link Topics#DEVICE_CREDENTIALS}), then refresh tokens, sessions and recovery codes; a tombstone for
 * {@link Topics#TELEMETRY_KEYS} shreds the published telemetry key (ADR 0010); the data key is shredded with the
 * telemetry key, so any ciphertext of the user left anywhere (backups, replicas, the 90-day topics) is unreadable; a
 * tombstone for {@link Topics#USER_METRICS} removes the athlete's metrics from that compacted topic (and every
 * consumer's copy of it; appended whether or not metrics were ever published, like the telemetry key's), one for
 * {@link Topics#PUBLIC_PROFILES} the athlete's display name; the
 * account row goes; {@code UserErased} is appended for {@link Topics#USER_ERASURES} so that every other app forgets the
 * user; the user's audit events lose their user id and IP. Each tombstone also deletes the outbox rows that carried
 * its key's earlier records ({@link Outbox#appendTombstone}).
 */
@ApplicationScoped
public class UserErasureService {

    private final UserRepository users;
    private final DataKeyRepository dataKeys;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final RecoveryCodeRepository recoveryCodes;
    private final DeviceService deviceService;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public UserErasureService(UserRepository users, DataKeyRepository dataKeys, SessionRepository sessions,
            RefreshTokenRepository refreshTokens, RecoveryCodeRepository recoveryCodes, DeviceService deviceService,
            Outbox outbox, AuditLog audit, Clock clock) {
        this.users = users;
        this.dataKeys = dataKeys;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.recoveryCodes = recoveryCodes;
        this.deviceService = deviceService;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Erases the user; 404 when there is no such user (erased before, or never existed). */
    @WithTransaction
    @WithSpan("UserErasureService.erase")
    public Uni<Void> erase(UUID userId, UUID erasedBy) {
        Instant now = clock.instant();
        // The row lock serialises the erasure with the user's concurrent writes (device registration locks it too).
        return users.findById(userId, LockModeType.PESSIMISTIC_WRITE)
                .onItem()
                .ifNull()
                .failWith(() -> new UserNotFound(userId))
                .chain(user -> deviceService.removeAllOf(userId)
                        .chain(removed -> deleteAccount(user, now)
                                .invoke(() -> Log.infof("user erased userId=%s erasedBy=%s devices=%d", userId,
                                        erasedBy, removed))));
    }

    private Uni<Void> deleteAccount(UserEntity user, Instant now) {
        UUID userId = user.getId();
        return refreshTokens.delete("sessionId in (select s.id from SessionEntity s where s.userId = ?1)", userId)
                .chain(() -> sessions.delete("userId", userId))
                .chain(() -> recoveryCodes.deleteAllOf(userId))
                .chain(() -> outbox.appendTombstone(Topics.TELEMETRY_KEYS, userId.toString()))
                .chain(() -> outbox.appendTombstone(Topics.USER_METRICS, userId.toString()))
                .chain(() -> outbox.appendTombstone(Topics.PUBLIC_PROFILES, userId.toString()))
                .chain(() -> dataKeys.shred(userId))
                .chain(() -> users.delete(user))
                .chain(() -> outbox.append(Topics.USER_ERASURES, userId.toString(), erased(userId, now)))
                .chain(() -> audit.userErased(userId));
    }

    private static UserErased erased(UUID userId, Instant now) {
        return UserErased.newBuilder()
                .setEventId(UUID.randomUUID())
                .setTimestamp(now)
                .setData(UserErasedData.newBuilder()
                        .setUserId(userId)
                        .setErasedAt(now)
                        .build())
                .build();
    }
}
