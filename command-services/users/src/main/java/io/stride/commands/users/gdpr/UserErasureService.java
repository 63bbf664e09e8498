package io.stride.commands.users.gdpr;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.persistence.AuditLog;
import io.stride.commands.users.persistence.DataKeyRepository;
import io.stride.commands.users.persistence.DeviceEntity;
import io.stride.commands.users.persistence.DeviceRepository;
import io.stride.commands.users.persistence.DeviceService;
import io.stride.commands.users.persistence.Outbox;
import io.stride.commands.users.persistence.OutboxRepository;
import io.stride.commands.users.persistence.RecoveryCodeRepository;
import io.stride.commands.users.persistence.RefreshTokenRepository;
import io.stride.commands.users.persistence.SessionRepository;
import io.stride.commands.users.persistence.UserEntity;
import io.stride.commands.users.persistence.UserRepository;
import io.stride.platform.http.ApiException;
import io.stride.schemas.Topics;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserErasedData;

/**
 * The right to erasure (GDPR art. 17), in one transaction: the user's devices go (a tombstone per device on
 * {@link Topics#DEVICE_CREDENTIALS}, and the outbox rows that carried their credentials are deleted), then refresh
 * tokens, sessions and recovery codes; the data key is shredded, so any ciphertext of the user left anywhere (backups,
 * replicas) is unreadable; the telemetry key goes with it, a tombstone for {@link Topics#TELEMETRY_KEYS} shreds its
 * published copy (ADR 0010) and the outbox rows that carried it are deleted; the account row goes; {@code UserErased} is appended for {@link Topics#USER_ERASURES} so
 * that every other app forgets the user; the user's audit events lose their user id and IP.
 */
@ApplicationScoped
public class UserErasureService {

    private final UserRepository users;
    private final DataKeyRepository dataKeys;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final RecoveryCodeRepository recoveryCodes;
    private final DeviceRepository devices;
    private final DeviceService deviceService;
    private final OutboxRepository outboxRows;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public UserErasureService(UserRepository users, DataKeyRepository dataKeys, SessionRepository sessions,
            RefreshTokenRepository refreshTokens, RecoveryCodeRepository recoveryCodes, DeviceRepository devices,
            DeviceService deviceService, OutboxRepository outboxRows, Outbox outbox, AuditLog audit, Clock clock) {
        this.users = users;
        this.dataKeys = dataKeys;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.recoveryCodes = recoveryCodes;
        this.devices = devices;
        this.deviceService = deviceService;
        this.outboxRows = outboxRows;
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
                .failWith(() -> ApiException.notFound("user", userId.toString()))
                .chain(user -> devices.listOf(userId)
                        .call(this::forgetPublishedCredentials)
                        .chain(rows -> deviceService.removeAllOf(userId))
                        .chain(removed -> deleteAccount(user, now)
                                .invoke(() -> Log.infof("user erased userId=%s erasedBy=%s devices=%d", userId,
                                        erasedBy, removed))));
    }

    private Uni<Void> deleteAccount(UserEntity user, Instant now) {
        UUID userId = user.getId();
        return refreshTokens.delete("sessionId in (select s.id from SessionEntity s where s.userId = ?1)", userId)
                .chain(() -> sessions.delete("userId", userId))
                .chain(() -> recoveryCodes.deleteAllOf(userId))
                .chain(() -> outboxRows.delete("topic = ?1 and recordKey = ?2", Topics.TELEMETRY_KEYS,
                        userId.toString()))
                .chain(() -> outbox.appendTombstone(Topics.TELEMETRY_KEYS, userId.toString()))
                .chain(() -> dataKeys.shred(userId))
                .chain(() -> users.delete(user))
                .chain(() -> outbox.append(Topics.USER_ERASURES, userId.toString(), erased(userId, now)))
                .chain(() -> audit.userErased(userId));
    }

    /**
     * The outbox keeps published rows for a while ({@code users.outbox.retention}); those of the user's devices carry
     * the credential record (model included), so they go with the devices now. The tombstones appended next are the only rows left for those keys.
     */
    private Uni<Long> forgetPublishedCredentials(List<DeviceEntity> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        List<String> keys = rows.stream()
                .map(row -> row.getId().toString())
                .toList();
        return outboxRows.delete("topic = ?1 and recordKey in ?2", Topics.DEVICE_CREDENTIALS, keys);
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
