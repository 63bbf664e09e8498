package io.stride.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A devstack run as a child process through the repository's {@code stride} script, in its own directory with random
 * ports, stopped (SIGTERM, every server stops cleanly) by {@link #stop()}. It also stops by itself if this JVM dies
 * ({@code --exit-with-parent}).
 */
final class DevstackProcess {

    static final String ADDRESSES_FILE = "devstack.properties";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 40;
    /** A JVM that ran its shutdown hooks after SIGTERM exits with 128 + 15. */
    private static final int EXIT_ON_SIGTERM = 143;

    private final Process process;
    private final Path dir;
    private final Path log;

    private DevstackProcess(Process process, Path dir, Path log) {
        this.process = process;
        this.dir = dir;
        this.log = log;
    }

    /**
     * Launches {@code <root>/stride devstack --dir <dir> --random-ports --fresh --exit-with-parent}, sharing the
     * repository's {@code .devstack/install} so server distributions are unpacked only once.
     */
    static DevstackProcess launch(Path root, Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        List<String> command = List.of(root.resolve("stride").toString(), "devstack",
                "--dir", dir.toString(),
                "--install-dir", root.resolve(".devstack").resolve("install").toString(),
                "--random-ports", "--fresh", "--exit-with-parent");
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return new DevstackProcess(process, dir, log);
    }

    /** Waits until the devstack wrote its addresses file; fails fast, with its output, if it exits first. */
    Map<String, String> awaitAddresses(Duration timeout) throws InterruptedException {
        Path file = dir.resolve(ADDRESSES_FILE);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the devstack exited with code %d before it was ready; its output (%s):%n%s"
                        .formatted(process.exitValue(), log, tail()));
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("the devstack was not ready after %d s; its output (%s):%n%s"
                        .formatted(timeout.toSeconds(), log, tail()));
            }
        }
        return Devstack.read(file);
    }

    /**
     * SIGTERM to the devstack (which stops every server and waits for them), SIGKILL if that hangs. After a clean stop
     * its {@code data/} is deleted (tens of MB per test JVM); the logs stay.
     */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return;
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return;
        }
        if (process.exitValue() == 0 || process.exitValue() == EXIT_ON_SIGTERM) {
            deleteTree(dir.resolve("data"));
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // only disk space is at stake; the next --fresh start wipes it anyway
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    Path dir() {
        return dir;
    }

    private String tail() {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The repository root: the first directory from {@code start} upwards that holds the {@code stride} script. */
    static Optional<Path> repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("stride")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
