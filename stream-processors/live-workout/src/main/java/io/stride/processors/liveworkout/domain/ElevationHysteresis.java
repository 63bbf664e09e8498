package io.stride.processors.liveworkout.domain;

/**
 * Elevation gain and loss with a hysteresis threshold (GoldenCheetah's ElevationGain, DOMAIN-ALGORITHMS C.4): a climb
 * counts only once the altitude is more than the threshold above the reference, a descent once it is more than the
 * threshold below; the reference then moves to the new altitude. Loss is counted the same way as gain.
 */
public final class ElevationHysteresis {

    Double referenceMeters;
    double gainMeters;
    double lossMeters;

    ElevationHysteresis copy() {
        ElevationHysteresis copy = new ElevationHysteresis();
        copy.referenceMeters = referenceMeters;
        copy.gainMeters = gainMeters;
        copy.lossMeters = lossMeters;
        return copy;
    }

    void add(double altitudeMeters, double thresholdMeters) {
        if (referenceMeters == null) {
            referenceMeters = altitudeMeters;
        } else if (altitudeMeters > referenceMeters + thresholdMeters) {
            gainMeters += altitudeMeters - referenceMeters;
            referenceMeters = altitudeMeters;
        } else if (altitudeMeters < referenceMeters - thresholdMeters) {
            lossMeters += referenceMeters - altitudeMeters;
            referenceMeters = altitudeMeters;
        }
    }

    /** Metres climbed. */
    public double gainMeters() {
        return gainMeters;
    }

    /** Metres descended. */
    public double lossMeters() {
        return lossMeters;
    }
}
