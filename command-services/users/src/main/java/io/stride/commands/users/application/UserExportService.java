package io.stride.commands.users.application;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.crypto.DataKey;
import io.stride.commands.users.crypto.DataKeyShredded;
import io.stride.commands.users.crypto.PiiField;
import io.stride.commands.users.domain.AthleteMetrics;
import io.stride.commands.users.domain.UserNotFound;
import io.stride.commands.users.persistence.AuditEventEntity;
import io.stride.commands.users.persistence.AuditEventRepository;
import io.stride.commands.users.persistence.DataKeyRepository;
import io.stride.commands.users.persistence.DeviceEntity;
import io.stride.commands.users.persistence.DeviceRepository;
import io.stride.commands.users.persistence.RecoveryCodeRepository;
import io.stride.commands.users.persistence.RefreshTokenRepository;
import io.stride.commands.users.persistence.SessionEntity;
import io.stride.commands.users.persistence.SessionRepository;
import io.stride.commands.users.persistence.UserEntity;
import io.stride.commands.users.persistence.UserRepository;

/** The right of access and to portability: one document with everything this service holds on a user. */
@ApplicationScoped
public class UserExportService {

    private final UserRepository users;
    private final DataKeyRepository dataKeys;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final RecoveryCodeRepository recoveryCodes;
    private final DeviceRepository devices;
    private final AuditEventRepository auditEvents;
    private final Clock clock;

    public UserExportService(UserRepository users, DataKeyRepository dataKeys, SessionRepository sessions,
            RefreshTokenRepository refreshTokens, RecoveryCodeRepository recoveryCodes, DeviceRepository devices,
            AuditEventRepository auditEvents, Clock clock) {
        this.users = users;
        this.dataKeys = dataKeys;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.recoveryCodes = recoveryCodes;
        this.devices = devices;
        this.auditEvents = auditEvents;
        this.clock = clock;
    }

    /** The user's export; 404 when the user does not exist (any more). */
    @WithSession
    @WithSpan("UserExportService.export")
    public Uni<UserExport> export(UUID userId) {
        return users.findById(userId)
                .onItem()
                .ifNull()
                .failWith(() -> new UserNotFound(userId))
                .chain(user -> dataKeys.keyOf(userId)
                        .map(key -> profile(user, key)))
                .onFailure(DataKeyShredded.class)
                .transform(e -> new UserNotFound(userId))
                .chain(profile -> sessionsOf(userId)
                        .chain(sessionList -> recoveryCodesOf(userId)
                                .chain(codes -> devices.listOf(userId)
                                        .chain(deviceRows -> auditEvents.list("userId",
                                                        Sort.by("occurredAt").and("id"), userId)
                                                .map(events -> new UserExport(UserExport.FORMAT, clock.instant(),
                                                        profile, sessionList, codes, devicesOf(deviceRows),
                                                        eventsOf(events)))))))
                .invoke(export -> Log.infof("user data exported userId=%s sessions=%d devices=%d events=%d",
                        userId, export.sessions().size(), export.devices().size(), export.auditEvents().size()));
    }

    private static UserExport.Profile profile(UserEntity user, DataKey key) {
        List<String> roles = Arrays.stream(user.getRoles().split(","))
                .map(String::strip)
                .filter(role -> !role.isEmpty())
                .toList();
        AthleteMetrics metrics = UserAccountService.metricsOf(user, key);
        return new UserExport.Profile(user.getId(), key.decrypt(PiiField.EMAIL, user.getEmailEncrypted()),
                key.decrypt(PiiField.FIRST_NAME, user.getFirstNameEncrypted()),
                key.decrypt(PiiField.LAST_NAME, user.getLastNameEncrypted()), roles, user.getCreatedAt(),
                user.getLastLogin(), user.getPasswordChangedAt(), user.isTotpEnabled(), metrics.weightKg(),
                metrics.heightCm(), metrics.maxHeartRateBpm(), metrics.restingHeartRateBpm(), metrics.birthYear(),
                metrics.timeZone(), user.getMetricsUpdatedAt(), UserAccountService.displayNameOf(user, key),
                user.isHiddenFromLeaderboards());
    }

    private Uni<List<UserExport.Session>> sessionsOf(UUID userId) {
        return sessions.list("userId", Sort.by("createdAt").and("id"), userId)
                // One session allows one operation at a time: count each family's tokens in turn.
                .chain(rows -> Multi.createFrom()
                        .iterable(rows)
                        .onItem()
                        .transformToUniAndConcatenate(this::session)
                        .collect()
                        .asList());
    }

    private Uni<UserExport.Session> session(SessionEntity row) {
        return refreshTokens.count("sessionId", row.getId())
                .map(issued -> new UserExport.Session(row.getId(), row.getCreatedAt(), row.getExpiresAt(),
                        row.getRevokedAt(), row.getRevokedReason(), issued));
    }

    private Uni<UserExport.RecoveryCodes> recoveryCodesOf(UUID userId) {
        return recoveryCodes.count("userId", userId)
                .chain(total -> recoveryCodes.count("userId = ?1 and usedAt is not null", userId)
                        .map(used -> new UserExport.RecoveryCodes(total, used)));
    }

    private static List<UserExport.Device> devicesOf(List<DeviceEntity> rows) {
        return rows.stream()
                .map(row -> new UserExport.Device(row.getId(), row.getModel(), row.getRegisteredAt(),
                        row.getRevokedAt()))
                .toList();
    }

    private static List<UserExport.AuditEvent> eventsOf(List<AuditEventEntity> rows) {
        return rows.stream()
                .map(row -> new UserExport.AuditEvent(row.getId(), row.getType(), row.getOccurredAt(), row.getIp(),
                        row.getCorrelationId(), row.getDetails()))
                .toList();
    }
}
