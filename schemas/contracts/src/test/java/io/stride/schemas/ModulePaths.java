package io.stride.schemas;

import java.nio.file.Path;

/** Where this module's files are, for code that runs from surefire or from {@code exec:java}. */
final class ModulePaths {

    private ModulePaths() {
    }

    /**
     * The contracts module folder: the {@code basedir} system property, which surefire sets and the pom's exec
     * configuration passes; the working directory otherwise.
     */
    static Path basedir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }
}
