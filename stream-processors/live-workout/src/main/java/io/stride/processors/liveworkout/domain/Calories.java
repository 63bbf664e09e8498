package io.stride.processors.liveworkout.domain;

/**
 * Energy by the MET method (DOMAIN-ALGORITHMS C.6): kcal = MET x weight (kg) x hours, 1 MET ~ 1 kcal/kg/h. The
 * heart-rate method (Keytel) needs the athlete's sex, which the platform does not hold.
 */
public final class Calories {

    private Calories() {
    }

    /** Kilocalories burned doing an activity of {@code met} for {@code millis}. */
    public static double kcal(double met, double weightKg, long millis) {
        return met * weightKg * millis / 3_600_000.0;
    }
}
