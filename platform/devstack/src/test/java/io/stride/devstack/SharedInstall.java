package io.stride.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The install directory the devstacks of this checkout share ({@code <root>/.devstack/install}), so that tests unpack
 * Apicurio and install the ClickHouse engine once per checkout, not once per temporary directory.
 */
final class SharedInstall {

    private SharedInstall() {
    }

    static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("stride")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve(".devstack").resolve("install");
            }
        }
        throw new IllegalStateException("no Stride checkout (the stride script) above " + Path.of("").toAbsolutePath());
    }
}
