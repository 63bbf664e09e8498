package io.stride.commands.users.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import jakarta.persistence.Version;

/**
 * A row of {@code users.users}. Email, names and TOTP secret are held only as ciphertexts under the user's data key
 * ({@code users.data_keys}, ADR 0007); the email is found by its blind index.
 */
@Entity
@DynamicUpdate
@Table(schema = "users", name = "users")
public class UserEntity {

    @Id
    private UUID id;
    @Column(name = "email_index")
    private byte[] emailIndex;
    @Column(name = "email_encrypted")
    private byte[] emailEncrypted;
    @Column(name = "first_name_encrypted")
    private byte[] firstNameEncrypted;
    @Column(name = "last_name_encrypted")
    private byte[] lastNameEncrypted;
    @Column(name = "password_hash")
    private String passwordHash;
    /** Comma-separated role names. */
    private String roles;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_login")
    private Instant lastLogin;
    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;
    @Column(name = "totp_secret_encrypted")
    private byte[] totpSecretEncrypted;
    @Column(name = "totp_enabled")
    private boolean totpEnabled;
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;
    @Column(name = "totp_last_step")
    private Long totpLastStep;
    /** The athlete's metrics ({@code AthleteMetrics.encode()}) encrypted as one field; null while none is set. */
    @Column(name = "metrics_encrypted")
    private byte[] metricsEncrypted;
    @Column(name = "metrics_updated_at")
    private Instant metricsUpdatedAt;

    @Column(name = "display_name_encrypted")
    private byte[] displayNameEncrypted;

    @Column(name = "hidden_from_leaderboards")
    private boolean hiddenFromLeaderboards;
    @Version
    private int version;

    public byte[] getMetricsEncrypted() {
        return metricsEncrypted;
    }

    public void setMetricsEncrypted(byte[] metricsEncrypted) {
        this.metricsEncrypted = metricsEncrypted;
    }

    public Instant getMetricsUpdatedAt() {
        return metricsUpdatedAt;
    }

    public void setMetricsUpdatedAt(Instant metricsUpdatedAt) {
        this.metricsUpdatedAt = metricsUpdatedAt;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public byte[] getEmailIndex() {
        return emailIndex;
    }

    public void setEmailIndex(byte[] emailIndex) {
        this.emailIndex = emailIndex;
    }

    public byte[] getEmailEncrypted() {
        return emailEncrypted;
    }

    public void setEmailEncrypted(byte[] emailEncrypted) {
        this.emailEncrypted = emailEncrypted;
    }

    public byte[] getFirstNameEncrypted() {
        return firstNameEncrypted;
    }

    public void setFirstNameEncrypted(byte[] firstNameEncrypted) {
        this.firstNameEncrypted = firstNameEncrypted;
    }

    public byte[] getLastNameEncrypted() {
        return lastNameEncrypted;
    }

    public void setLastNameEncrypted(byte[] lastNameEncrypted) {
        this.lastNameEncrypted = lastNameEncrypted;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getRoles() {
        return roles;
    }

    public void setRoles(String roles) {
        this.roles = roles;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getLastLogin() {
        return lastLogin;
    }

    public void setLastLogin(Instant lastLogin) {
        this.lastLogin = lastLogin;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public void setPasswordChangedAt(Instant passwordChangedAt) {
        this.passwordChangedAt = passwordChangedAt;
    }

    public byte[] getTotpSecretEncrypted() {
        return totpSecretEncrypted;
    }

    public void setTotpSecretEncrypted(byte[] totpSecretEncrypted) {
        this.totpSecretEncrypted = totpSecretEncrypted;
    }

    /** When the user confirmed the address; null while unconfirmed (the account cannot log in yet). */
    public Instant getEmailVerifiedAt() {
        return emailVerifiedAt;
    }

    public void setEmailVerifiedAt(Instant emailVerifiedAt) {
        this.emailVerifiedAt = emailVerifiedAt;
    }

    public boolean isTotpEnabled() {
        return totpEnabled;
    }

    public void setTotpEnabled(boolean totpEnabled) {
        this.totpEnabled = totpEnabled;
    }

    public Long getTotpLastStep() {
        return totpLastStep;
    }

    public void setTotpLastStep(Long totpLastStep) {
        this.totpLastStep = totpLastStep;
    }

    public int getVersion() {
        return version;
    }

    public boolean isHiddenFromLeaderboards() {
        return hiddenFromLeaderboards;
    }

    public void setHiddenFromLeaderboards(boolean hiddenFromLeaderboards) {
        this.hiddenFromLeaderboards = hiddenFromLeaderboards;
    }

    public byte[] getDisplayNameEncrypted() {
        return displayNameEncrypted;
    }

    public void setDisplayNameEncrypted(byte[] displayNameEncrypted) {
        this.displayNameEncrypted = displayNameEncrypted;
    }
}
