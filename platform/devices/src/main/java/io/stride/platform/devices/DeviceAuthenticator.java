package io.stride.platform.devices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stride.platform.http.ApiException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Checks the {@code Authorization: Device <deviceId>.<secret>} header of a request: the device must be registered,
 * not revoked, and the SHA-256 of the secret must match the registered one (compared in constant time). One map lookup
 * and one SHA-256 per request, whatever the number of samples.
 *
 * <p>A device not known yet may have been registered a moment ago: its credential is on Kafka but not read yet. Such
 * a request waits, without blocking a thread, until the credentials published before it have been read (at most
 * {@link #CATCH_UP_WAIT}), so a device may post right after its registration.
 */
@ApplicationScoped
public class DeviceAuthenticator {

    /** The {@code Authorization} scheme of a device credential. */
    public static final String SCHEME = "Device";
    /** The longest wait for the credentials topic to be read up to a request's arrival. */
    static final Duration CATCH_UP_WAIT = Duration.ofSeconds(3);
    private static final String PREFIX = SCHEME + " ";
    /** Longest header accepted: a UUID, a dot and 43 base64url characters fit with a wide margin. */
    private static final int MAX_HEADER_LENGTH = 512;

    private final DeviceCredentialStore store;

    public DeviceAuthenticator(DeviceCredentialStore store) {
        this.store = store;
    }

    /** Whether the header names the device scheme (whatever follows): for apps that also take other schemes. */
    public static boolean isDeviceScheme(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * The device the header proves, or a failure with 401 {@code unauthenticated}; emitted on the caller's Vert.x
     * context (or at once when the device is known). The message does not tell an unknown device from a wrong secret
     * or a revoked credential.
     */
    public Uni<AuthenticatedDevice> authenticate(String authorization) {
        Credential credential;
        try {
            credential = Credential.parse(authorization);
        } catch (ApiException malformed) {
            return Uni.createFrom().failure(malformed);
        }
        if (store.find(credential.deviceId()).isPresent()) {
            return Uni.createFrom().item(() -> check(credential));
        }
        Context caller = Vertx.currentContext();
        return Uni.createFrom().completionStage(store::latest)
                .ifNoItem().after(CATCH_UP_WAIT).recoverWithItem((Void) null)
                .emitOn(command -> {
                    if (caller != null) {
                        caller.runOnContext(ignored -> command.run());
                    } else {
                        command.run();
                    }
                })
                .map(caughtUp -> check(credential));
    }

    private AuthenticatedDevice check(Credential credential) {
        KnownDevice device = store.find(credential.deviceId()).orElse(null);
        if (device == null || device.revoked()
                || !MessageDigest.isEqual(sha256(credential.secret()), device.secretSha256())) {
            throw unauthenticated("The device credential is not recognised"
                    + " (a device registered a moment ago is admitted within seconds)");
        }
        return new AuthenticatedDevice(device.deviceId(), device.userId());
    }

    /** The two parts of a well-formed header. */
    private record Credential(String deviceId, String secret) {

        static Credential parse(String authorization) {
            if (authorization == null || authorization.isBlank()) {
                throw unauthenticated(
                        "A device credential is required (Authorization: Device <device_id>.<secret>)");
            }
            if (authorization.length() > MAX_HEADER_LENGTH || !authorization.regionMatches(true, 0, PREFIX, 0,
                    PREFIX.length())) {
                throw unauthenticated("The Authorization header must be: Device <device_id>.<secret>");
            }
            String credential = authorization.substring(PREFIX.length()).strip();
            int dot = credential.lastIndexOf('.');
            if (dot <= 0 || dot == credential.length() - 1) {
                throw unauthenticated("The Authorization header must be: Device <device_id>.<secret>");
            }
            return new Credential(credential.substring(0, dot), credential.substring(dot + 1));
        }
    }

    private static ApiException unauthenticated(String message) {
        return ApiException.unauthenticated(message);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
