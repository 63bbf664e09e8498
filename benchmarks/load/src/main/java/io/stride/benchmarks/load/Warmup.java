package io.stride.benchmarks.load;

import java.util.List;
import java.util.Optional;

/**
 * When a platform is warm enough to measure: a freshly started one spends its first minutes compiling (on one core
 * for several passes), so unmeasured passes run until their rates stop climbing, not a fixed count. At least
 * {@code minimum} unmeasured passes run (0: none, a fresh platform is measured); after that more run until the
 * end-to-end rate and the processor-alone rate of the last one are each within {@code tolerancePercent} of the pass
 * before (so at least two), at most {@code maximum} in all (the report then says the platform may still be warming
 * up).
 */
record Warmup(int minimum, int maximum, double tolerancePercent) {

    Warmup {
        if (minimum < 0 || maximum < minimum || tolerancePercent <= 0) {
            throw new IllegalArgumentException("warm-up needs 0 <= minimum <= maximum and a positive tolerance");
        }
    }

    /** Whether another unmeasured pass should run after {@code done} (in order). */
    boolean another(List<Pass> done) {
        if (done.size() < minimum) {
            return true;
        }
        return minimum > 0 && done.size() < maximum && !steady(done);
    }

    /** Whether the last two passes' rates agree within the tolerance (it takes two passes to tell). */
    boolean steady(List<Pass> done) {
        if (done.size() < 2) {
            return false;
        }
        Pass before = done.get(done.size() - 2);
        Pass last = done.getLast();
        return agree(before.endToEnd().value().reflectedPerSecond(), last.endToEnd().value().reflectedPerSecond(),
                tolerancePercent) && close(processorAlone(before), processorAlone(last));
    }

    private boolean close(Optional<Double> before, Optional<Double> last) {
        return before.isEmpty() || last.isEmpty() || agree(before.get(), last.get(), tolerancePercent);
    }

    /** Whether two rates are within {@code tolerancePercent} of the higher one: the platform stopped warming. */
    static boolean agree(double before, double last, double tolerancePercent) {
        return Math.abs(last - before) <= tolerancePercent / 100 * Math.max(before, last);
    }

    private static Optional<Double> processorAlone(Pass pass) {
        return pass.processorAlone().map(measured -> measured.value().reflectedPerSecond());
    }
}
