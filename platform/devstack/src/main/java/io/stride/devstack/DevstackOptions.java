package io.stride.devstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Command-line options of the devstack.
 *
 * @param dir            holds {@code install/}, {@code data/}, {@code logs/}, {@code run/} and the addresses file
 * @param installDir     where server distributions are unpacked; {@code <dir>/install} unless given (several
 *                       devstacks may share one)
 * @param randomPorts    free ports chosen at start instead of the fixed dev ports (test runs)
 * @param fresh          wipe {@code data/} before starting (install is kept)
 * @param exitWithParent stop when the process that started the devstack exits (a test JVM, a script)
 */
record DevstackOptions(Path dir, Path installDir, boolean randomPorts, boolean fresh, boolean exitWithParent) {

    static final String USAGE = """
            usage: Devstack [--dir DIR] [--install-dir DIR] [--random-ports] [--fresh] [--exit-with-parent]
              --dir DIR           state directory (install/, data/, logs/, run/, devstack.properties); default .devstack
              --install-dir DIR   where server distributions are unpacked; default DIR/install
              --random-ports      pick free ports instead of the fixed dev ports (for test runs)
              --fresh             wipe DIR/data before starting (installed servers are kept)
              --exit-with-parent  stop everything when the parent process exits""";

    DevstackOptions {
        dir = dir.toAbsolutePath().normalize();
        installDir = installDir == null ? dir.resolve("install") : installDir.toAbsolutePath().normalize();
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException on an unknown option or a missing value, with a message for the user
     */
    static DevstackOptions parse(String[] args, Path defaultDir) {
        Path dir = defaultDir;
        Path installDir = null;
        boolean randomPorts = false;
        boolean fresh = false;
        boolean exitWithParent = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value(args, ++i, "--dir"));
                case "--install-dir" -> installDir = Path.of(value(args, ++i, "--install-dir"));
                case "--random-ports" -> randomPorts = true;
                case "--fresh" -> fresh = true;
                case "--exit-with-parent" -> exitWithParent = true;
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        return new DevstackOptions(dir, installDir, randomPorts, fresh, exitWithParent);
    }

    private static String value(String[] args, int index, String option) {
        return Optional.of(index)
                .filter(i -> i < args.length && !args[i].startsWith("--"))
                .map(i -> args[i])
                .orElseThrow(() -> new IllegalArgumentException(option + " needs a value"));
    }
}
