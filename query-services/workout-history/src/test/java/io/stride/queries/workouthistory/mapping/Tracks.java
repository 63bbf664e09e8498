package io.stride.queries.workouthistory.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic tracks whose figures are known without the code under test: a straight run due north along a meridian,
 * where a metre of distance is exactly {@code 1 / (R · π / 180)} degrees of latitude.
 */
public final class Tracks {

    /** Degrees of latitude per metre along a meridian on the sphere of {@link GeoMath#EARTH_MEAN_RADIUS_METERS}. */
    public static final double DEGREES_PER_METER = 180.0 / (Math.PI * GeoMath.EARTH_MEAN_RADIUS_METERS);

    private Tracks() {
    }

    /** A step of the run: how long it lasts, how far it goes, and whether the athlete moved. */
    public record Leg(long seconds, double metersPerSecond, boolean moving) {
    }

    /**
     * Points every {@code stepSeconds} from (lat0, lon0) due north along the legs; altitude climbs 1 m per 100 m;
     * heart rate 150 while moving, 100 while stopped.
     */
    public static List<TrackSample> north(double lat0, double lon0, long stepSeconds, List<Leg> legs) {
        List<TrackSample> track = new ArrayList<>();
        double distance = 0;
        long offset = 0;
        track.add(sample(lat0, lon0, offset, distance, legs.getFirst()));
        for (Leg leg : legs) {
            for (long t = stepSeconds; t <= leg.seconds(); t += stepSeconds) {
                offset += stepSeconds * 1000;
                distance += leg.metersPerSecond() * stepSeconds;
                track.add(sample(lat0, lon0, offset, distance, leg));
            }
        }
        return track;
    }

    private static TrackSample sample(double lat0, double lon0, long offset, double distance, Leg leg) {
        return new TrackSample(offset, lat0 + distance * DEGREES_PER_METER, lon0, 100 + distance / 100,
                leg.moving() ? 150 : 100, distance, leg.metersPerSecond(), leg.moving());
    }
}
