package io.stride.processors.liveworkout.domain;

/**
 * Sport of a workout as the live figures need it: the fastest plausible speed (GPS fixes implying more are outliers)
 * and the metabolic equivalent (MET) used for calories. MET values are the general entries of the Compendium of
 * Physical Activities (Ainsworth et al., 2011); speeds are a little above the human (or, cycling, downhill) record.
 */
public enum Sport {
    RUNNING(12.5, 9.0),
    CYCLING(30.0, 7.5),
    WALKING(4.0, 3.5),
    HIKING(4.0, 6.0),
    SWIMMING(3.0, 5.8),
    ROWING(7.0, 7.0),
    OTHER(50.0, 5.0);

    private final double maxSpeedMetersPerSecond;
    private final double met;

    Sport(double maxSpeedMetersPerSecond, double met) {
        this.maxSpeedMetersPerSecond = maxSpeedMetersPerSecond;
        this.met = met;
    }

    /** Fastest plausible speed in metres per second. */
    public double maxSpeedMetersPerSecond() {
        return maxSpeedMetersPerSecond;
    }

    /** Metabolic equivalent of the activity. */
    public double met() {
        return met;
    }
}
