package io.stride.devstack;

import java.nio.file.Path;

/** A server did not start or did not become healthy; names the server and its log file. */
final class StartFailure extends Exception {

    private final String server;
    private final Path logFile;

    StartFailure(String server, Path logFile, String message, Throwable cause) {
        super(message, cause);
        this.server = server;
        this.logFile = logFile;
    }

    String server() {
        return server;
    }

    Path logFile() {
        return logFile;
    }
}
