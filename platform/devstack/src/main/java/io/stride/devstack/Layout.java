package io.stride.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the devstack keeps things under its directory.
 *
 * <pre>
 * DIR/install/   unpacked server distributions (kept by --fresh; may live elsewhere with --install-dir)
 * DIR/data/      server data, kept across restarts (wiped by --fresh)
 * DIR/logs/      one log file per server, rewritten at each start
 * DIR/run/       pid files, lock, generated server configuration
 * DIR/devstack.properties   the addresses file, present only while every server is ready
 * </pre>
 *
 * @param dir     the devstack directory
 * @param install where distributions are unpacked
 */
record Layout(Path dir, Path install) {

    static Layout of(DevstackOptions options) {
        return new Layout(options.dir(), options.installDir());
    }

    Path data() {
        return dir.resolve("data");
    }

    Path data(String server) {
        return data().resolve(server);
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path log(String server) {
        return logs().resolve(server + ".log");
    }

    Path run() {
        return dir.resolve("run");
    }

    Path addressesFile() {
        return dir.resolve(Addresses.FILE_NAME);
    }

    /** Creates the directories (not the data of each server). */
    void create() {
        try {
            for (Path path : new Path[] {dir, install, data(), logs(), run()}) {
                Files.createDirectories(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the devstack directories under " + dir, e);
        }
    }

    /** A path for messages: relative to the working directory when under it, so it stays short. */
    static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    /** Deletes a directory and everything under it; nothing when it does not exist. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
