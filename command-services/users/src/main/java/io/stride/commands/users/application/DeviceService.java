package io.stride.commands.users.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.config.UsersConfig;
import io.stride.commands.users.domain.AuditEventType;
import io.stride.commands.users.domain.Device;
import io.stride.commands.users.domain.DeviceLimitReached;
import io.stride.commands.users.domain.DeviceNotFound;
import io.stride.commands.users.domain.RegisteredDevice;
import io.stride.commands.users.domain.Secrets;
import io.stride.commands.users.domain.UserNotFound;
import io.stride.commands.users.persistence.DeviceEntity;
import io.stride.commands.users.persistence.DeviceRepository;
import io.stride.commands.users.persistence.UserRepository;
import io.stride.platform.outbox.Outbox;
import io.stride.schemas.Topics;
import io.stride.schemas.users.DeviceCredential;

/**
 * A user's wearables (ADR 0006): register (a credential {@code <deviceId>.<secret>} shown once; only the secret's
 * SHA-256 is stored), list, revoke. Every change appends the device's {@link DeviceCredential} to the outbox in the
 * same transaction, keyed by device id, for {@link Topics#DEVICE_CREDENTIALS}.
 */
@ApplicationScoped
public class DeviceService {

    private final DeviceRepository devices;
    private final UserRepository users;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Secrets secrets;
    private final Clock clock;
    private final int maxActive;

    public DeviceService(DeviceRepository devices, UserRepository users, Outbox outbox, AuditLog audit,
            Secrets secrets, Clock clock, UsersConfig config) {
        this.devices = devices;
        this.users = users;
        this.outbox = outbox;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
        this.maxActive = config.devices().maxActivePerUser();
    }

    /** Registers a device; {@link DeviceLimitReached} when the user already has the most active devices. */
    @WithTransaction
    @WithSpan("DeviceService.register")
    public Uni<RegisteredDevice> register(UUID userId, String model) {
        Instant now = clock.instant();
        UUID deviceId = UUID.randomUUID();
        String secret = secrets.deviceSecret();
        DeviceEntity device = new DeviceEntity();
        device.setId(deviceId);
        device.setUserId(userId);
        device.setModel(model);
        device.setSecretSha256(Secrets.sha256Hex(secret));
        device.setRegisteredAt(now);
        // The user row's lock serialises concurrent registrations of one user, so the limit holds.
        return users.findById(userId, LockModeType.PESSIMISTIC_WRITE)
                .onItem()
                .ifNull()
                .failWith(() -> new UserNotFound(userId))
                .chain(user -> devices.countActive(userId))
                .invoke(active -> {
                    if (active >= maxActive) {
                        throw new DeviceLimitReached(maxActive);
                    }
                })
                .chain(active -> devices.persist(device))
                .call(saved -> outbox.append(Topics.DEVICE_CREDENTIALS, deviceId.toString(), credential(saved)))
                .call(saved -> audit.record(AuditEventType.DEVICE_REGISTERED, userId,
                        Map.of("device_id", deviceId.toString())))
                .invoke(saved -> Log.infof("device registered userId=%s deviceId=%s", userId, deviceId))
                .map(saved -> new RegisteredDevice(toDevice(saved), deviceId + "." + secret));
    }

    /** The user's devices, revoked ones included, oldest first. */
    @WithSession
    @WithSpan("DeviceService.list")
    public Uni<List<Device>> list(UUID userId) {
        return devices.listOf(userId)
                .map(rows -> rows.stream()
                        .map(DeviceService::toDevice)
                        .toList());
    }

    /**
     * Revokes the user's device: 404 for an unknown id and for another user's device alike. Revoking a revoked device
     * changes nothing.
     */
    @WithTransaction
    @WithSpan("DeviceService.revoke")
    public Uni<Device> revoke(UUID userId, UUID deviceId) {
        return devices.findOwned(userId, deviceId)
                .onItem()
                .ifNull()
                .failWith(() -> new DeviceNotFound(deviceId))
                .call(device -> {
                    if (device.getRevokedAt() != null) {
                        return Uni.createFrom().voidItem();
                    }
                    device.setRevokedAt(clock.instant());
                    return outbox.append(Topics.DEVICE_CREDENTIALS, deviceId.toString(), credential(device))
                            .chain(() -> audit.record(AuditEventType.DEVICE_REVOKED, userId,
                                    Map.of("device_id", deviceId.toString())))
                            .invoke(() -> Log.infof("device revoked userId=%s deviceId=%s", userId, deviceId));
                })
                .map(DeviceService::toDevice);
    }

    /**
     * Erasure: deletes every device of the user and appends a tombstone per device, so that the gateway forgets them.
     * Call it from the erasure's transaction; answers how many devices were removed.
     */
    @WithTransaction
    public Uni<Integer> removeAllOf(UUID userId) {
        return devices.listOf(userId)
                .call(rows -> Multi.createFrom()
                        .iterable(rows)
                        .onItem()
                        .transformToUniAndConcatenate(row -> outbox.appendTombstone(Topics.DEVICE_CREDENTIALS,
                                row.getId().toString()))
                        .collect()
                        .last())
                .call(rows -> devices.delete("userId", userId))
                .map(List::size);
    }

    private static DeviceCredential credential(DeviceEntity device) {
        return DeviceCredential.newBuilder()
                .setDeviceId(device.getId().toString())
                .setUserId(device.getUserId())
                .setSecretSha256(device.getSecretSha256())
                // No model: the gateway does not need it, and a compacted topic keeps an old value until it compacts,
                // so after an erasure the model would outlive the user on Kafka (GdprErasureIT).
                .setRegisteredAt(device.getRegisteredAt())
                .setRevokedAt(device.getRevokedAt())
                .build();
    }

    static Device toDevice(DeviceEntity device) {
        return new Device(device.getId(), device.getModel(), device.getRegisteredAt(), device.getRevokedAt());
    }
}
