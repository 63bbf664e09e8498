package io.stride.commands.users.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code users.email_verifications}: the SHA-256 of a one-time address confirmation token. */
@Entity
@Table(schema = "users", name = "email_verifications")
public class EmailVerificationEntity {

    @Id
    @Column(name = "token_sha256")
    private String tokenSha256;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "expires_at")
    private Instant expiresAt;

    public String getTokenSha256() {
        return tokenSha256;
    }

    public void setTokenSha256(String tokenSha256) {
        this.tokenSha256 = tokenSha256;
    }

    public UUID getUserId() {
        return userId;
    }

    public void setUserId(UUID userId) {
        this.userId = userId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }
}
