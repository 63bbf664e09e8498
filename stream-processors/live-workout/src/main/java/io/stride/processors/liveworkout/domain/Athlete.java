package io.stride.processors.liveworkout.domain;

/**
 * What the live figures know of the athlete (from {@code users.user-metrics}); every field may be unknown.
 *
 * @param maxHeartRateBpm measured maximum heart rate
 * @param weightKg body weight
 * @param birthYear year of birth
 */
public record Athlete(Integer maxHeartRateBpm, Double weightKg, Integer birthYear) {

    /** Nothing known. */
    public static final Athlete UNKNOWN = new Athlete(null, null, null);

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
