package io.stride.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** A server running in a JVM of its own (Kafka, Apicurio), started from the devstack JVM's own JDK. */
final class ChildJvm {

    /** System property put on every child JVM, so stale processes of a devstack directory can be recognised. */
    static final String MARKER_PROPERTY = "stride.devstack";

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private ChildJvm() {
    }

    /**
     * The one process of a server that runs in its own JVM: started only while the devstack is not stopping,
     * recorded in the pid files, stopped at most once.
     */
    static final class Handle {
        private final String name;
        private final PidFiles pids;
        private Process process;
        private boolean stopped;

        Handle(String name, PidFiles pids) {
            this.name = name;
            this.pids = pids;
        }

        /** Starts the JVM (see {@link ChildJvm#start}) and records its pid with {@code pidMarkers}. */
        synchronized Process launch(Path devstackDir, List<String> jvmOptions, List<String> arguments, Path workDir,
                Path logFile, List<String> pidMarkers) throws IOException, InterruptedException {
            if (stopped) {
                throw new InterruptedException("devstack is stopping");
            }
            process = start(devstackDir, jvmOptions, arguments, workDir, logFile);
            pids.record(name, process.pid(), pidMarkers);
            return process;
        }

        synchronized OptionalLong pid() {
            return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
        }

        void stop() {
            Process running;
            synchronized (this) {
                stopped = true;
                running = process;
            }
            ChildJvm.stop(running);
            pids.remove(name);
        }
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static String marker(Path devstackDir) {
        return "-D" + MARKER_PROPERTY + "=" + devstackDir;
    }

    /** {@code java <jvmOptions> <marker> <arguments>}; stdout and stderr are appended to {@code logFile}. */
    static Process start(Path devstackDir, List<String> jvmOptions, List<String> arguments, Path workDir, Path logFile)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add(marker(devstackDir));
        command.addAll(arguments);
        Files.createDirectories(workDir);
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    /** SIGTERM (the server shuts down cleanly), then SIGKILL if it takes too long; waits for the exit. */
    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
