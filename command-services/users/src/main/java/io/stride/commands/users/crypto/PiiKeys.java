package io.stride.commands.users.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;

import io.stride.commands.users.config.UsersConfig;

/**
 * Reads the master key and the blind index key (Tink JSON keysets) at start and produces {@link PiiCrypto}. In dev
 * and test ({@code users.pii.generate-missing-keys=true}) a missing keyset is generated into its configured,
 * git-ignored location; in prod both come from mounted secrets and a missing file stops the app.
 */
@ApplicationScoped
public class PiiKeys {

    @Produces
    @Singleton
    PiiCrypto piiCrypto(UsersConfig config) {
        UsersConfig.Pii pii = config.pii();
        KeysetHandle master = load(Path.of(pii.masterKeysetLocation()), PredefinedAeadParameters.AES256_GCM,
                pii.generateMissingKeys());
        KeysetHandle index = load(Path.of(pii.indexKeysetLocation()), PredefinedPrfParameters.HMAC_SHA256_PRF,
                pii.generateMissingKeys());
        try {
            PiiCrypto crypto = new PiiCrypto(master.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    index.getPrimitive(RegistryConfiguration.get(), PrfSet.class));
            Log.infof("pii keys loaded masterKeyId=%d indexKeyId=%d", master.getPrimary().getId(),
                    index.getPrimary().getId());
            return crypto;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the pii keysets are not an AES-GCM and an HMAC PRF keyset", e);
        }
    }

    /** Reads a cleartext JSON keyset, generating it first when allowed and missing. */
    static KeysetHandle load(Path path, Parameters parameters, boolean generateMissing) {
        PiiCrypto.registerKeyTypes();
        try {
            if (generateMissing && Files.notExists(path)) {
                generate(path, parameters);
            }
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(path), InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pii keyset " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("invalid pii keyset " + path, e);
        }
    }

    private static void generate(Path path, Parameters parameters) throws IOException, GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(parameters),
                InsecureSecretKeyAccess.get());
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(path, json);
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            Log.debugf("no POSIX permissions for %s", path);
        }
        Log.infof("pii keyset generated location=%s", path);
    }
}
