package io.stride.systemtests;

import java.nio.file.Path;

/** The checkout under test: its packaged apps, scripts and README. */
final class Checkout {

    private Checkout() {
    }

    /** The checkout's root folder ({@code stride.root}, set by the pom; the parent of this module otherwise). */
    static Path root() {
        return Path.of(System.getProperty("stride.root", "..")).toAbsolutePath().normalize();
    }
}
