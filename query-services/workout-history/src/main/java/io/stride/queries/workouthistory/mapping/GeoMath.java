package io.stride.queries.workouthistory.mapping;

/**
 * Great-circle distance on a spherical Earth (haversine) with the mean Earth radius 6,371,008.8 m (IUGG), the same
 * choice as live-workout, which computed the figures this service shows; and the local metric plane used to simplify
 * routes.
 */
public final class GeoMath {

    /** Mean Earth radius in metres. */
    public static final double EARTH_MEAN_RADIUS_METERS = 6_371_008.8;

    private GeoMath() {
    }

    /** Haversine distance in metres. */
    public static double haversineMeters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = Math.toRadians(lat2 - lat1);
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return EARTH_MEAN_RADIUS_METERS * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
