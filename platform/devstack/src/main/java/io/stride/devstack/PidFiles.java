package io.stride.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Pid files under {@code run/}: one per server process, so a later start can stop what an earlier devstack of the
 * same directory left running (killed with SIGKILL, crashed). A recorded process is stopped only if it is still the
 * same process (start time) and its command line still contains every recorded marker.
 *
 * <p>File format, one item a line: pid, start instant (or {@code -}), then the markers.
 */
final class PidFiles {

    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final Path runDir;

    PidFiles(Path runDir) {
        this.runDir = runDir;
    }

    void record(String name, long pid, List<String> markers) {
        String start = ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().startInstant())
                .map(Instant::toString)
                .orElse("-");
        List<String> lines = new ArrayList<>();
        lines.add(Long.toString(pid));
        lines.add(start);
        lines.addAll(markers);
        try {
            Files.write(runDir.resolve(name + ".pid"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String name) {
        try {
            Files.deleteIfExists(runDir.resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops every process recorded by an earlier run that is still alive and still matches, then removes the pid
     * files. Returns one line per process stopped.
     */
    List<String> stopStale() throws IOException {
        List<String> stopped = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            return stopped;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                staleProcess(Files.readAllLines(file, StandardCharsets.UTF_8)).ifPresent(process -> {
                    stop(process);
                    stopped.add("%s (pid %d)".formatted(name, process.pid()));
                });
                Files.deleteIfExists(file);
            }
        }
        return stopped;
    }

    private static Optional<ProcessHandle> staleProcess(List<String> lines) {
        if (lines.size() < 3 || !lines.getFirst().matches("\\d+")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.getFirst());
        String recordedStart = lines.get(1);
        List<String> markers = lines.subList(2, lines.size());
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> pid != ProcessHandle.current().pid())
                .filter(handle -> "-".equals(recordedStart) || handle.info().startInstant()
                        .map(start -> start.toString().equals(recordedStart))
                        .orElse(true))
                .filter(handle -> commandLine(pid).map(line -> markers.stream().allMatch(line::contains)).orElse(false));
    }

    /** The full command line of a process (from /proc on Linux, where it is never truncated). */
    static Optional<String> commandLine(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                byte[] bytes = Files.readAllBytes(proc);
                return Optional.of(new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').strip());
            }
        } catch (IOException e) {
            // gone in the meantime
            return Optional.empty();
        }
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine());
    }

    /** SIGTERM, then SIGKILL if it has not exited after a while. */
    static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notStoppedInTime) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }
}
