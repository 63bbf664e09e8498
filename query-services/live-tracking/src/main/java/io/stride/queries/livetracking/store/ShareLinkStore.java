package io.stride.queries.livetracking.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.stride.platform.http.ApiException;
import io.stride.queries.livetracking.config.LiveTrackingConfig;

/**
 * Share links in Redis, so that every instance agrees on them:
 * <ul>
 *   <li>{@code live-tracking:share-link:<sha256(token) hex>} — the link as JSON; TTL = the link's expiry, so an
 *   expired link is gone by itself;</li>
 *   <li>{@code live-tracking:share-link-index:<user id>} — hash, link id → token hash: the owner's links, for listing,
 *   revoking and erasure; TTL = the longest link lifetime, renewed on every new link, so it outlives every link it
 *   names. Entries of expired links are removed when the owner lists them.</li>
 * </ul>
 * Tokens are 256 random bits, base64url without padding; only their hash is stored.
 */
@ApplicationScoped
public class ShareLinkStore {

    static final String LINK_KEY_PREFIX = "live-tracking:share-link:";
    static final String USER_INDEX_KEY_PREFIX = "live-tracking:share-link-index:";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ReactiveValueCommands<String, String> links;
    private final ReactiveHashCommands<String, String, String> indexes;
    private final ReactiveKeyCommands<String> keys;
    private final ObjectMapper json;
    private final LiveTrackingConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ShareLinkStore(ReactiveRedisDataSource redis, ObjectMapper json, LiveTrackingConfig config, Clock clock) {
        this.links = redis.value(String.class, String.class);
        this.indexes = redis.hash(String.class, String.class, String.class);
        this.keys = redis.key(String.class);
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** A new link and the token that opens it (the only time the token exists outside the holder's hands). */
    public record Created(ShareLink link, String token) {
    }

    /** Stores a new link to one workout of {@code userId}, valid for {@code lifetime}. */
    public Uni<Created> create(String userId, UUID workoutId, Duration lifetime) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = sha256(token);
        Instant now = clock.instant();
        ShareLink link = new ShareLink(UUID.randomUUID(), workoutId, userId, now, now.plus(lifetime));
        String index = USER_INDEX_KEY_PREFIX + userId;
        return available(links.set(LINK_KEY_PREFIX + hash, write(link), new SetArgs().px(lifetime))
                .chain(() -> indexes.hset(index, link.id().toString(), hash))
                .chain(() -> keys.pexpire(index, config.shareLinks().maxExpiresIn().plus(Duration.ofMinutes(1)))))
                .invoke(() -> Log.infof("share link created linkId=%s workoutId=%s userId=%s", link.id(), workoutId,
                        userId))
                .map(ignored -> new Created(link, token));
    }

    /** The link a token opens, while it is valid; empty for an unknown, malformed, expired or revoked token. */
    public Uni<Optional<ShareLink>> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return available(links.get(LINK_KEY_PREFIX + sha256(token)))
                .map(stored -> Optional.ofNullable(stored)
                        .map(this::read)
                        .filter(link -> link.expiresAt().isAfter(clock.instant())));
    }

    /** The user's valid links, soonest expiry first; forgets the index entries of links that expired. */
    public Uni<List<ShareLink>> list(String userId) {
        String index = USER_INDEX_KEY_PREFIX + userId;
        return available(indexes.hgetall(index)
                .chain(entries -> {
                    if (entries.isEmpty()) {
                        return Uni.createFrom().item(List.<ShareLink>of());
                    }
                    List<String> ids = new ArrayList<>(entries.keySet());
                    String[] linkKeys = ids.stream().map(id -> LINK_KEY_PREFIX + entries.get(id))
                            .toArray(String[]::new);
                    return links.mget(linkKeys)
                            .chain(found -> forgetExpired(index, ids, linkKeys, found)
                                    .map(ignored -> found.values().stream()
                                            .filter(value -> value != null)
                                            .map(this::read)
                                            .filter(link -> link.expiresAt().isAfter(clock.instant()))
                                            .sorted(Comparator.comparing(ShareLink::expiresAt))
                                            .toList()));
                }));
    }

    private Uni<Void> forgetExpired(String index, List<String> ids, String[] linkKeys, Map<String, String> found) {
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (found.get(linkKeys[i]) == null) {
                gone.add(ids.get(i));
            }
        }
        return gone.isEmpty()
                ? Uni.createFrom().voidItem()
                : indexes.hdel(index, gone.toArray(String[]::new)).replaceWithVoid();
    }

    /** Revokes one of the user's links to this workout; false when the user has no such link (any more). */
    public Uni<Boolean> revoke(String userId, UUID workoutId, UUID linkId) {
        String index = USER_INDEX_KEY_PREFIX + userId;
        return available(indexes.hget(index, linkId.toString())
                .chain(hash -> hash == null
                        ? Uni.createFrom().item(false)
                        : links.get(LINK_KEY_PREFIX + hash)
                                .chain(stored -> {
                                    if (stored != null && !read(stored).workoutId().equals(workoutId)) {
                                        return Uni.createFrom().item(false);
                                    }
                                    return keys.del(LINK_KEY_PREFIX + hash)
                                            .chain(() -> indexes.hdel(index, linkId.toString()))
                                            .map(ignored -> stored != null);
                                })))
                .invoke(revoked -> {
                    if (revoked) {
                        Log.infof("share link revoked linkId=%s workoutId=%s userId=%s", linkId, workoutId, userId);
                    }
                });
    }

    /** Deletes every link of the user and the user's index (right to erasure); the number of links deleted. */
    public Uni<Integer> eraseUser(String userId) {
        String index = USER_INDEX_KEY_PREFIX + userId;
        return indexes.hgetall(index)
                .chain(entries -> {
                    List<String> doomed = new ArrayList<>();
                    entries.values().forEach(hash -> doomed.add(LINK_KEY_PREFIX + hash));
                    doomed.add(index);
                    return keys.del(doomed.toArray(String[]::new))
                            .map(ignored -> entries.size());
                });
    }

    /**
     * A Redis call that fails or does not answer within {@link #REDIS_TIMEOUT} becomes 503 {@code unavailable} with
     * {@code Retry-After}: share links live only in Redis, and a caller should retry rather than see a 500.
     */
    private static <T> Uni<T> available(Uni<T> redisCall) {
        return redisCall
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .onFailure(failure -> !(failure instanceof ApiException))
                .transform(failure -> {
                    Log.warnf("share links unavailable, redis failed error=%s", failure.toString());
                    return ApiException.unavailable("Share links are unavailable right now", RETRY_AFTER);
                });
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(ShareLink link) {
        try {
            return json.writeValueAsString(link);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("share link not serialisable", e);
        }
    }

    private ShareLink read(String stored) {
        try {
            return json.readValue(stored, ShareLink.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable share link in Redis", e);
        }
    }
}
