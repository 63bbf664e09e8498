package io.stride.ingest.telemetrygateway.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.enterprise.context.ApplicationScoped;

import io.stride.ingest.telemetrygateway.messaging.DeviceCredentialStore;
import io.stride.ingest.telemetrygateway.messaging.KnownDevice;
import io.stride.platform.http.ApiException;

/**
 * Checks the {@code Authorization: Device <deviceId>.<secret>} header of a request: the device must be registered,
 * not revoked, and the SHA-256 of the secret must match the registered one (compared in constant time). One map lookup
 * and one SHA-256 per request, whatever the number of samples.
 */
@ApplicationScoped
class DeviceAuthenticator {

    static final String SCHEME = "Device";
    private static final String PREFIX = SCHEME + " ";
    /** Longest header accepted: a UUID, a dot and 43 base64url characters fit with a wide margin. */
    private static final int MAX_HEADER_LENGTH = 512;

    private final DeviceCredentialStore store;

    DeviceAuthenticator(DeviceCredentialStore store) {
        this.store = store;
    }

    /**
     * The device the header proves, or 401 {@code unauthenticated}. The message does not tell an unknown device from
     * a wrong secret or a revoked credential.
     */
    AuthenticatedDevice authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthenticated("A device credential is required (Authorization: Device <device_id>.<secret>)");
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
        String deviceId = credential.substring(0, dot);
        byte[] presented = sha256(credential.substring(dot + 1));
        KnownDevice device = store.find(deviceId).orElse(null);
        if (device == null || device.revoked() || !MessageDigest.isEqual(presented, device.secretSha256())) {
            throw unauthenticated("The device credential is unknown, revoked or wrong");
        }
        return new AuthenticatedDevice(device.deviceId(), device.userId());
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
