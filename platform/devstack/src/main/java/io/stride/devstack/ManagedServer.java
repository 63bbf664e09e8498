package io.stride.devstack;

import java.nio.file.Path;
import java.util.OptionalLong;

/** One server of the devstack: started, checked healthy and stopped by {@link Stack}. */
interface ManagedServer {

    /** Short name used in messages, log and pid file names: {@code kafka}, {@code apicurio}... */
    String name();

    /** What it is, for the start line, e.g. "Kafka 4.1.2 KRaft broker+controller". */
    String description();

    /** Where clients reach it, e.g. {@code 127.0.0.1:19092}. */
    String endpoint();

    /** Its log file. */
    Path logFile();

    /**
     * Starts the server and returns once it answers like a client needs it to.
     *
     * @throws Exception when it did not start or did not become healthy in time
     */
    void start() throws Exception;

    /** The operating-system process serving it, once started. */
    OptionalLong pid();

    /** Whether it runs inside the devstack JVM rather than in a process of its own. */
    default boolean inProcess() {
        return false;
    }

    /** Stops the server and waits until its processes have exited; safe to call when it never started. */
    void stop();
}
