package io.stride.processors.liveworkout.domain;

/**
 * Five heart-rate zones as a share of the athlete's maximum heart rate, lower bound 0 as Garmin and Polar do
 * (DOMAIN-ALGORITHMS C.7): zone 1 below 60%, zone 2 60-70%, zone 3 70-80%, zone 4 80-90%, zone 5 from 90%.
 */
public final class HeartRateZones {

    /** Zones counted. */
    public static final int ZONES = 5;

    /** Maximum heart rate used when neither a measured one nor a birth year is known (bpm). */
    public static final int DEFAULT_MAX_HEART_RATE_BPM = 190;

    private HeartRateZones() {
    }

    /** The measured maximum if known, else Fox's 220 - age if the birth year is known, else the default. */
    public static int maxHeartRate(Integer measuredMaxBpm, Integer birthYear, int year) {
        if (measuredMaxBpm != null && measuredMaxBpm > 0) {
            return measuredMaxBpm;
        }
        if (birthYear != null && birthYear > 1900 && birthYear <= year) {
            return 220 - (year - birthYear);
        }
        return DEFAULT_MAX_HEART_RATE_BPM;
    }

    /** Zone 1..5 of a heart rate. */
    public static int zoneOf(int heartRateBpm, int maxHeartRateBpm) {
        int tenths = (int) Math.floor(heartRateBpm * 10.0 / maxHeartRateBpm);
        return Math.clamp(tenths - 4, 1, ZONES);
    }
}
