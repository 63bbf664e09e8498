package io.stride.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The local platform's telemetry key-encryption key (ADR 0010): a Tink AES-256-GCM keyset file that wraps every
 * user's telemetry key on {@code users.telemetry-keys}. Made once per devstack data directory, so it lives and dies
 * with the Kafka data it protects ({@code --fresh} wipes both); production mounts it from a secret.
 */
final class TelemetryKek {

    private TelemetryKek() {
    }

    /** The key file under {@code data}, made when missing. */
    static Path ensure(Path data) throws IOException {
        Path file = data.resolve("keys").resolve("telemetry-kek.json");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        try {
            AeadConfig.register();
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            Path temp = Files.createTempFile(file.getParent(), ".telemetry-kek", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, json);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the telemetry key-encryption key", e);
        }
        return file;
    }
}
