package io.stride.processors.liveworkout.domain;

/**
 * What the live figures know of the athlete (from {@code users.user-metrics}); every field may be unknown.
 *
 * @param maxHeartRateBpm measured maximum heart rate
 * @param weightKg body weight
 * @param birthYear year of birth
 * @param restingHeartRateBpm resting heart rate
 */
public record Athlete(Integer maxHeartRateBpm, Double weightKg, Integer birthYear, Integer restingHeartRateBpm) {

    /** Nothing known. */
    public static final Athlete UNKNOWN = new Athlete(null, null, null, null);

    /** An athlete whose resting heart rate is not known. */
    public Athlete(Integer maxHeartRateBpm, Double weightKg, Integer birthYear) {
        this(maxHeartRateBpm, weightKg, birthYear, null);
    }

    /**
     * Whether calories can be estimated from this athlete's heart rate: their weight and resting heart rate are known
     * (the maximum is measured, else estimated from the birth year or the default).
     */
    public boolean knownForHeartRateCalories() {
        return weightKg != null && weightKg > 0 && restingHeartRateBpm != null && restingHeartRateBpm > 0;
    }

    /** Weight used for calories when the athlete's is unknown (kg). */
    public static final double DEFAULT_WEIGHT_KG = 70.0;

    /** Weight for calories: the athlete's, else {@link #DEFAULT_WEIGHT_KG}. */
    public double weightOrDefaultKg() {
        return weightKg != null && weightKg > 0 ? weightKg : DEFAULT_WEIGHT_KG;
    }

    /** Maximum heart rate for zones at the given calendar year (see {@link HeartRateZones#maxHeartRate}). */
    public int maxHeartRateBpm(int year) {
        return HeartRateZones.maxHeartRate(maxHeartRateBpm, birthYear, year);
    }
}
