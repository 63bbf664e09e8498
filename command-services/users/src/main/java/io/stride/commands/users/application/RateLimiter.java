package io.stride.commands.users.application;

import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.config.UsersConfig;
import io.stride.commands.users.crypto.PiiCrypto;
import io.stride.commands.users.domain.AuditEventType;
import io.stride.commands.users.domain.RateLimited;
import io.stride.commands.users.domain.RateLimitedAction;
import io.stride.commands.users.domain.UsersError;

/**
 * Fixed-window attempt counters in Redis, shared by every instance: one per action and client IP
 * ({@code users:rate-<action>-ip:<ip>}) and one per action and account ({@code users:rate-<action>-account:<id>}, the
 * id being the email's blind index (HMAC-SHA-256 under the index key, ADR 0007: not guessable from a list of emails)
 * or the user id: a raw email never reaches Redis). Each key expires with its window. Over a limit: 429 {@code rate_limited} with {@code Retry-After} (the window's remaining time) and a
 * {@code rate_limited} audit event.
 *
 * <p>When Redis does not answer within {@link #REDIS_TIMEOUT} the attempt is let through (logged at WARN and
 * counted): an outage of the limiter must not lock every user out, and Argon2id keeps password guessing slow anyway.
 */
@ApplicationScoped
public class RateLimiter {

    static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

    /** INCR, and on the window's first hit PEXPIRE; answers {count, remaining milliseconds}. */
    private static final String INCREMENT = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}""";

    private final ReactiveRedisDataSource redis;
    private final AuditLog audit;
    private final UsersConfig.RateLimits limits;
    private final MeterRegistry registry;
    private final PiiCrypto crypto;

    public RateLimiter(ReactiveRedisDataSource redis, AuditLog audit, UsersConfig config, MeterRegistry registry,
            PiiCrypto crypto) {
        this.redis = redis;
        this.audit = audit;
        this.limits = config.rateLimit();
        this.registry = registry;
        this.crypto = crypto;
    }

    /** Counts an attempt of a client and of an account by normalised email (may be null); 429 over a limit. */
    public Uni<Void> acquireForEmail(RateLimitedAction action, String normalisedEmail) {
        return acquire(action, normalisedEmail == null ? null
                : HexFormat.of().formatHex(crypto.emailIndex(normalisedEmail)), null);
    }

    /** Counts an attempt of a client and a known user; fails with 429 over a limit. */
    public Uni<Void> acquireForUser(RateLimitedAction action, UUID userId) {
        return acquire(action, userId.toString(), userId);
    }

    /** Counts an attempt of a client; fails with 429 over a limit. */
    public Uni<Void> acquireForClient(RateLimitedAction action) {
        return acquire(action, null, null);
    }

    private Uni<Void> acquire(RateLimitedAction action, String accountId, UUID userId) {
        if (!limits.enabled()) {
            return Uni.createFrom().voidItem();
        }
        Budget budget = budget(action);
        String ip = RequestOrigin.clientIp().orElse("unknown");
        Uni<Long> ipWait = hit("users:rate-" + action.code() + "-ip:" + ip, budget.perIp(), budget.window());
        Uni<Long> accountWait = accountId == null || budget.perAccount() <= 0
                ? Uni.createFrom().item(0L)
                : hit("users:rate-" + action.code() + "-account:" + accountId, budget.perAccount(), budget.window());
        return ipWait
                .chain(ipMillis -> accountWait
                        .map(accountMillis -> new long[] {ipMillis, accountMillis}))
                .chain(waits -> {
                    long wait = Math.max(waits[0], waits[1]);
                    if (wait <= 0) {
                        return Uni.createFrom().voidItem();
                    }
                    String scope = waits[0] > 0 ? "ip" : "account";
                    registry.counter("users.rate-limit.refused", "action", action.code(), "scope", scope).increment();
                    Map<String, Object> details = new HashMap<>();
                    details.put("action", action.code());
                    details.put("scope", scope);
                    Duration retryAfter = Duration.ofMillis(wait);
                    return audit.record(AuditEventType.RATE_LIMITED, userId, details)
                            .onFailure()
                            .recoverWithNull()
                            .invoke(() -> {
                                throw new RateLimited(retryAfter);
                            });
                });
    }

    /** Counts a hit on a key: 0 when within the limit, otherwise the milliseconds until the window ends. */
    private Uni<Long> hit(String key, int limit, Duration window) {
        return redis.execute("EVAL", INCREMENT, "1", key, Long.toString(window.toMillis()))
                .map(response -> {
                    long count = response.get(0).toLong();
                    long remaining = response.get(1).toLong();
                    return count > limit ? Math.max(remaining, 1L) : 0L;
                })
                .ifNoItem()
                .after(REDIS_TIMEOUT)
                .fail()
                .onFailure(failure -> !(failure instanceof UsersError))
                .recoverWithItem(failure -> {
                    Log.warnf("rate limiter unavailable, attempt let through reason=%s", failure.toString());
                    registry.counter("users.rate-limit.unavailable").increment();
                    return 0L;
                });
    }

    private Budget budget(RateLimitedAction action) {
        return switch (action) {
            case LOGIN -> new Budget(limits.loginPerIp(), limits.loginPerAccount(), limits.loginWindow());
            case REGISTRATION -> new Budget(limits.registrationPerIp(), limits.registrationPerAccount(),
                    limits.registrationWindow());
            case REFRESH -> new Budget(limits.refreshPerIp(), 0, limits.refreshWindow());
            case TOTP -> new Budget(limits.totpPerIp(), limits.totpPerAccount(), limits.totpWindow());
        };
    }

    private record Budget(int perIp, int perAccount, Duration window) {
    }
}
