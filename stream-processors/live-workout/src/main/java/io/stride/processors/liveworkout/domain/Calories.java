package io.stride.processors.liveworkout.domain;

/**
 * Energy spent, from the best source a moment of the recording has (the live state adds each interval by the best
 * source it has):
 * <ol>
 *   <li><b>Power</b> (a power meter): the mechanical work divided by the gross efficiency of the human body on a bike,
 *       {@link #GROSS_EFFICIENCY} (Ettema and Lorås, "Efficiency in cycling: a review", Eur J Appl Physiol 2009:
 *       18-23 %); 1 kcal = 4,184 J.</li>
 *   <li><b>Heart rate</b> with the athlete's metrics (weight, resting and maximum heart rate): the share of the heart
 *       rate reserve is taken as the share of the VO2 reserve (Swain and Leutholtz, Med Sci Sports Exerc 1997),
 *       VO2max is estimated as 15.3 x HRmax / HRrest mL/kg/min (Uth et al., Eur J Appl Physiol 2004), and a litre of
 *       oxygen yields 5 kcal. Keytel's formula (DOMAIN-ALGORITHMS C.6) needs the athlete's sex, which the platform
 *       does not hold.</li>
 *   <li><b>MET</b> (DOMAIN-ALGORITHMS C.6): kcal = MET x weight (kg) x hours of moving time, 1 MET ~ 1 kcal/kg/h.</li>
 * </ol>
 */
public final class Calories {

    /** Share of the metabolic energy that becomes mechanical work on a bike. */
    static final double GROSS_EFFICIENCY = 0.21;
    /** Joules in a kilocalorie. */
    static final double JOULES_PER_KCAL = 4_184.0;
    /** Kilocalories per litre of oxygen consumed. */
    static final double KCAL_PER_LITRE_OXYGEN = 5.0;
    /** Resting oxygen uptake, mL/kg/min (1 MET). */
    static final double RESTING_VO2 = 3.5;

    private Calories() {
    }

    /** Kilocalories burned doing an activity of {@code met} for {@code millis}. */
    public static double kcal(double met, double weightKg, long millis) {
        return met * weightKg * millis / 3_600_000.0;
    }

    /** Kilocalories the body spent to do {@code joules} of mechanical work. */
    public static double kcalFromWork(double joules) {
        return joules / JOULES_PER_KCAL / GROSS_EFFICIENCY;
    }

    /**
     * Kilocalories spent over {@code millis} at {@code heartRateBpm} by an athlete of {@code weightKg} with the given
     * resting and maximum heart rate (see the class comment); a heart rate at or below rest counts as rest.
     */
    public static double kcalFromHeartRate(int heartRateBpm, int restingBpm, int maxBpm, double weightKg,
            long millis) {
        if (maxBpm <= restingBpm) {
            return kcal(1.0, weightKg, millis);
        }
        double reserveShare = Math.clamp((heartRateBpm - restingBpm) / (double) (maxBpm - restingBpm), 0.0, 1.0);
        double vo2Max = 15.3 * maxBpm / restingBpm;
        double vo2 = RESTING_VO2 + reserveShare * Math.max(0.0, vo2Max - RESTING_VO2);
        return vo2 * weightKg / 1000.0 * KCAL_PER_LITRE_OXYGEN * millis / 60_000.0;
    }
}
