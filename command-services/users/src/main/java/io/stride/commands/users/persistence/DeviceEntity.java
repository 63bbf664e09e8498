package io.stride.commands.users.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code users.devices}. */
@Entity
@Table(schema = "users", name = "devices")
public class DeviceEntity {

    @Id
    private UUID id;
    @Column(name = "user_id")
    private UUID userId;
    private String model;
    /** Lower-case hex SHA-256 of the credential's secret part. */
    @Column(name = "secret_sha256")
    private String secretSha256;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public UUID getUserId() {
        return userId;
    }

    public void setUserId(UUID userId) {
        this.userId = userId;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getSecretSha256() {
        return secretSha256;
    }

    public void setSecretSha256(String secretSha256) {
        this.secretSha256 = secretSha256;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(Instant registeredAt) {
        this.registeredAt = registeredAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(Instant revokedAt) {
        this.revokedAt = revokedAt;
    }
}
