package io.stride.commands.users.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.config.UsersConfig;
import io.stride.commands.users.crypto.DataKey;
import io.stride.commands.users.crypto.PiiField;
import io.stride.commands.users.domain.AuditEventType;
import io.stride.commands.users.domain.Base32;
import io.stride.commands.users.domain.InvalidTotpCode;
import io.stride.commands.users.domain.Secrets;
import io.stride.commands.users.domain.Totp;
import io.stride.commands.users.domain.TotpAlreadyEnabled;
import io.stride.commands.users.domain.TotpEnrolment;
import io.stride.commands.users.domain.TotpNotEnrolled;
import io.stride.commands.users.domain.UserNotFound;
import io.stride.commands.users.persistence.DataKeyRepository;
import io.stride.commands.users.persistence.RecoveryCodeEntity;
import io.stride.commands.users.persistence.RecoveryCodeRepository;
import io.stride.commands.users.persistence.UserEntity;
import io.stride.commands.users.persistence.UserRepository;

/** Two-factor authentication with TOTP: enrolment, confirmation with a first code, recovery codes. */
@ApplicationScoped
public class TotpService {

    private final UserRepository users;
    private final RecoveryCodeRepository recoveryCodes;
    private final DataKeyRepository dataKeys;
    private final Secrets secrets;
    private final Clock clock;
    private final String issuer;
    private final AuditLog audit;

    public TotpService(UserRepository users, RecoveryCodeRepository recoveryCodes, DataKeyRepository dataKeys,
            Secrets secrets, AuditLog audit, Clock clock, UsersConfig config) {
        this.users = users;
        this.audit = audit;
        this.recoveryCodes = recoveryCodes;
        this.dataKeys = dataKeys;
        this.secrets = secrets;
        this.clock = clock;
        this.issuer = config.totp().issuer();
    }

    /**
     * Starts (or restarts) an enrolment: a new secret, stored encrypted under the user's data key, not yet required at
     * login until confirmed.
     */
    @WithTransaction
    @WithSpan("TotpService.enrol")
    public Uni<TotpEnrolment> enrol(UUID userId) {
        return users.findById(userId)
                .onItem()
                .ifNull()
                .failWith(() -> new UserNotFound(userId))
                .chain(user -> dataKeys.keyOf(userId)
                        .map(key -> {
                            if (user.isTotpEnabled()) {
                                throw new TotpAlreadyEnabled();
                            }
                            byte[] secret = secrets.totpSecret();
                            user.setTotpSecretEncrypted(key.encrypt(PiiField.TOTP_SECRET, Base32.encode(secret)));
                            user.setTotpLastStep(null);
                            Log.infof("totp enrolment started userId=%s", userId);
                            return TotpEnrolment.of(issuer, key.decrypt(PiiField.EMAIL, user.getEmailEncrypted()),
                                    secret);
                        }));
    }

    /**
     * Confirms the enrolment with a first code from the app: TOTP becomes required at login, and the 10 one-time
     * recovery codes are returned, in plain text this once only.
     */
    @WithTransaction
    @WithSpan("TotpService.confirm")
    public Uni<List<String>> confirm(UUID userId, String code) {
        Instant now = clock.instant();
        return users.findById(userId)
                .onItem()
                .ifNull()
                .failWith(() -> new UserNotFound(userId))
                .chain(user -> dataKeys.keyOf(userId)
                        .map(key -> secretOf(user, key))
                        .chain(secret -> confirm(user, secret, code, now)));
    }

    /** The user's TOTP secret (base32), decrypted; null when never enrolled. */
    static String secretOf(UserEntity user, DataKey key) {
        return key.decrypt(PiiField.TOTP_SECRET, user.getTotpSecretEncrypted());
    }

    private Uni<List<String>> confirm(UserEntity user, String totpSecret, String code, Instant now) {
        UUID userId = user.getId();
        if (user.isTotpEnabled()) {
            throw new TotpAlreadyEnabled();
        }
        if (totpSecret == null) {
            throw new TotpNotEnrolled();
        }
        OptionalLong step = Totp.verify(Base32.decode(totpSecret), code, now, Long.MIN_VALUE);
        if (step.isEmpty()) {
            throw new InvalidTotpCode();
        }
        user.setTotpEnabled(true);
        user.setTotpLastStep(step.getAsLong());
        List<String> codes = secrets.recoveryCodes();
        return recoveryCodes.deleteAllOf(userId)
                .chain(ignored -> recoveryCodes.persist(codes.stream()
                        .map(plain -> recoveryCode(userId, plain, now))
                        .toList()))
                .call(() -> audit.record(AuditEventType.TOTP_ENABLED, userId))
                .invoke(() -> Log.infof("totp enabled userId=%s", userId))
                .replaceWith(codes);
    }

    private static RecoveryCodeEntity recoveryCode(UUID userId, String plain, Instant now) {
        RecoveryCodeEntity entity = new RecoveryCodeEntity();
        entity.setCodeHash(Secrets.recoveryCodeHash(plain));
        entity.setUserId(userId);
        entity.setCreatedAt(now);
        return entity;
    }
}
