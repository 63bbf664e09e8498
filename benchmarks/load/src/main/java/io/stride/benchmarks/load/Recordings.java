package io.stride.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JFR recordings of the platform's JVMs during the measured passes ({@code --jfr DIR}): started and dumped through
 * {@code jcmd}, one {@code <process>.jfr} each, with the JDK's {@code profile} settings plus CPU-time samples (JDK 25,
 * Linux: {@code jdk.CPUTimeSample} every 10 ms of a thread's CPU time, so that a thread that waits for a scarce core
 * is not sampled as if it ran, as {@code jdk.ExecutionSample} does) and monitor waits and thread parks from 1 ms.
 * Only JVMs are attached to: {@code jcmd} attaches by sending SIGQUIT, which a JVM answers with its attach listener
 * but PostgreSQL takes as an immediate shutdown and Redis as a signal to exit.
 */
final class Recordings implements AutoCloseable {

    private static final String NAME = "stride-bench";

    private final Path folder;
    private final List<Map.Entry<String, Long>> recording = new ArrayList<>();

    private Recordings(Path folder) {
        this.folder = folder;
    }

    static Recordings start(Path folder, Map<String, Long> pids) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Recordings recordings = new Recordings(folder);
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            if (isJvm(process.getValue()) && jcmd(process.getValue(), "JFR.start", "name=" + NAME, "settings=profile",
                    "jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=10ms",
                    "jdk.JavaMonitorEnter#threshold=1ms", "jdk.ThreadPark#threshold=1ms")) {
                recordings.recording.add(process);
            }
        }
        Scenario.log("JFR recording %s", recordings.recording.stream().map(Map.Entry::getKey).toList());
        return recordings;
    }

    /** Dumps and stops every recording into {@code <folder>/<process>.jfr}. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (Map.Entry<String, Long> process : recording) {
            Path file = folder.resolve(process.getKey() + ".jfr").toAbsolutePath();
            jcmd(process.getValue(), "JFR.stop", "name=" + NAME, "filename=" + file);
        }
        Scenario.log("JFR recordings written to %s", folder);
    }

    /** Whether the process runs a {@code java} executable (read from {@code /proc}, without signalling it). */
    static boolean isJvm(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().command())
                .map(command -> Path.of(command).getFileName().toString().equals("java"))
                .orElse(false);
    }

    private static boolean jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return jcmd.waitFor() == 0 && !output.contains("Exception") && !output.contains("Could not");
    }
}
