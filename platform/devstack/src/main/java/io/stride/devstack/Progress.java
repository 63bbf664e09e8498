package io.stride.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Progress lines for the person who started the devstack: what starts, when it is ready, where its log is. */
final class Progress {

    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    synchronized void say(String format, Object... args) {
        out.println("devstack: " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** Seconds with one decimal, as in "ready in 2.3 s". */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
