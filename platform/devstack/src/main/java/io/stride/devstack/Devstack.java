package io.stride.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * The devstack launcher: starts the real local servers of the platform on 127.0.0.1 in the foreground, creates the
 * catalogue's topics, registers its schemas, writes the addresses file and runs until SIGINT/SIGTERM, which stop
 * every server. See {@code platform/devstack/README.md}.
 *
 * <pre>
 * java -cp devstack.jar:$(cat target/devstack.classpath) io.stride.devstack.Devstack \
 *      [--dir DIR] [--install-dir DIR] [--random-ports] [--fresh] [--exit-with-parent]
 * </pre>
 */
public final class Devstack {

    private static final int LOG_TAIL_LINES = 25;

    private Devstack() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(DevstackOptions.USAGE);
            return;
        }
        DevstackOptions options;
        try {
            options = DevstackOptions.parse(args, Path.of(".devstack"));
        } catch (IllegalArgumentException e) {
            System.err.println("devstack: " + e.getMessage());
            System.err.println(DevstackOptions.USAGE);
            System.exit(2);
            return;
        }
        Progress progress = new Progress(System.out);
        Stack stack = new Stack(options, progress);
        try {
            configureLogging(stack.layout());
        } catch (IOException e) {
            progress.say("FAILED: cannot write the log configuration under %s: %s", stack.layout().run(), e);
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        try {
            stack.start();
        } catch (StartFailure failure) {
            if (stack.closing() && failure.getMessage().contains("devstack is stopping")) {
                progress.say("start interrupted");
            } else {
                report(progress, failure);
            }
            System.exit(1);
        } catch (RuntimeException e) {
            progress.say("FAILED: %s", Stack.describe(e));
            System.exit(1);
        }
        if (options.exitWithParent()) {
            exitWithParent(progress);
        }
        progress.say("running in the foreground: Ctrl-C (SIGINT) or SIGTERM stops every server");
        Thread.currentThread().join();
    }

    /** Everything the devstack JVM logs (zonky, the Mongo stand-in, Kafka clients) goes to logs/devstack.log. */
    private static void configureLogging(Layout layout) throws IOException {
        layout.create();
        Path logFile = layout.log("devstack");
        Files.deleteIfExists(logFile);
        Path config = LogConfig.write(layout.run().resolve("devstack-log4j2.xml"), logFile);
        System.setProperty("log4j2.configurationFile", config.toString());
        // Initialise SLF4J here, before servers start in parallel and race to do it (their first lines get lost).
        LoggerFactory.getLogger(Devstack.class).info("devstack starting in {}", layout.dir());
    }

    private static void report(Progress progress, StartFailure failure) {
        progress.say("FAILED: %s did not start: %s", failure.server(), failure.getMessage());
        Path log = failure.logFile();
        if (log == null) {
            return;
        }
        progress.say("its log: %s", Layout.display(log));
        try {
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
                        .forEach(line -> progress.say("  | %s", line));
            }
        } catch (IOException | RuntimeException unreadable) {
            // the path is printed above
        }
    }

    /** Stops everything when the parent (a test JVM, a script) exits, even if it was killed. */
    private static void exitWithParent(Progress progress) {
        ProcessHandle.current().parent()
                .filter(parent -> parent.pid() > 1)
                .ifPresent(parent -> parent.onExit().thenRun(() -> {
                    progress.say("parent process %d exited: stopping", parent.pid());
                    System.exit(0);
                }));
    }
}
