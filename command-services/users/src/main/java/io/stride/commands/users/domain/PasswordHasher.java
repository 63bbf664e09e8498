package io.stride.commands.users.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (BouncyCastle) in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<parallelism>$<salt>$<hash>} (unpadded standard base64). New hashes
 * use this hasher's parameters; verification reads the parameters from the stored string, so hashes made with older
 * parameters keep verifying ({@link #needsRehash} tells when to upgrade). CPU- and memory-heavy: call it off the
 * event loop.
 */
public final class PasswordHasher {

    private static final int OWASP_MINIMUM_MEMORY_KIB = 19_456;
    private static final int OWASP_MINIMUM_ITERATIONS = 2;

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final Params OWASP_MINIMUM = new Params(OWASP_MINIMUM_MEMORY_KIB, OWASP_MINIMUM_ITERATIONS, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Params params;
    private final SecureRandom random;
    private final String dummyHash;

    /** Argon2id cost parameters: memory in KiB, iterations, parallelism. */
    public record Params(int memoryKib, int iterations, int parallelism) {
        public Params {
            if (memoryKib < OWASP_MINIMUM_MEMORY_KIB || iterations < OWASP_MINIMUM_ITERATIONS || parallelism < 1) {
                throw new IllegalArgumentException("Argon2id parameters below the OWASP minimum");
            }
        }
    }

    public PasswordHasher(Params params, SecureRandom random) {
        this.params = params;
        this.random = random;
        this.dummyHash = hash("dummy password for unknown accounts");
    }

    /** A new PHC string for {@code password}, with a fresh random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(params.memoryKib(), params.iterations(),
                params.parallelism(), B64.encodeToString(salt), B64.encodeToString(hash));
    }

    /** True when {@code password} matches {@code phc}; constant-time comparison; false for malformed strings. */
    public boolean verify(String phc, String password) {
        Phc parsed = Phc.parse(phc);
        if (parsed == null) {
            return false;
        }
        byte[] actual = argon2(password, parsed.salt(), parsed.params(), parsed.hash().length);
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    /**
     * Spends the same work as a real verification and returns false: used when no account matches, so that the
     * answer time does not reveal whether an email is registered.
     */
    public boolean verifyAgainstDummy(String password) {
        verify(dummyHash, password);
        return false;
    }

    /** True when {@code phc} was made with other parameters than this hasher's. */
    public boolean needsRehash(String phc) {
        Phc parsed = Phc.parse(phc);
        return parsed == null || !parsed.params().equals(params);
    }

    /** The parameters of a PHC string, or null when it is not an Argon2id v19 string. */
    public static Params paramsOf(String phc) {
        Phc parsed = Phc.parse(phc);
        return parsed == null ? null : parsed.params();
    }

    private static byte[] argon2(String password, byte[] salt, Params params, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private record Phc(Params params, byte[] salt, byte[] hash) {

        static Phc parse(String phc) {
            if (phc == null) {
                return null;
            }
            String[] parts = phc.split("\\$");
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
                return null;
            }
            try {
                String[] costs = parts[3].split(",");
                if (costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=")
                        || !costs[2].startsWith("p=")) {
                    return null;
                }
                Params params = new Params(Integer.parseInt(costs[0].substring(2)),
                        Integer.parseInt(costs[1].substring(2)), Integer.parseInt(costs[2].substring(2)));
                return new Phc(params, B64_DECODER.decode(parts[4]), B64_DECODER.decode(parts[5]));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
