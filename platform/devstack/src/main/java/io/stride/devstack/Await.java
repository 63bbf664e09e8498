package io.stride.devstack;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Polls a health check until it passes, the server process dies, the devstack is being stopped, or time runs out.
 */
final class Await {

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    /**
     * @param what     what is awaited, for the timeout message
     * @param timeout  how long to try
     * @param process  the server's process, or {@code null} when it runs in this JVM
     * @param aborted  true once the devstack is stopping: give up at once
     * @param check    true when healthy; an exception counts as "not yet"
     */
    static void until(String what, Duration timeout, Process process, BooleanSupplier aborted, Callable<Boolean> check)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            if (aborted.getAsBoolean()) {
                throw new InterruptedException("devstack is stopping");
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the process exited with code " + process.exitValue()
                        + " before " + what);
            }
            try {
                if (check.call()) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            if (System.nanoTime() > deadline) {
                TimeoutException timedOut = new TimeoutException("no " + what + " after " + timeout.toSeconds() + " s");
                if (last != null) {
                    timedOut.initCause(last);
                }
                throw timedOut;
            }
            if (process != null) {
                process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                Thread.sleep(POLL_MILLIS);
            }
        }
    }
}
