package io.stride.processors.liveworkout.domain;

/**
 * Great-circle distance on a spherical Earth (haversine). Uses the mean Earth radius 6,371,008.8 m (IUGG); the
 * equatorial radius would lengthen every distance by about 0.1%.
 */
final class GeoMath {

    static final double EARTH_MEAN_RADIUS_METERS = 6_371_008.8;

    private GeoMath() {
    }

    static double haversineMeters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = Math.toRadians(lat2 - lat1);
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        double c = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
        return EARTH_MEAN_RADIUS_METERS * c;
    }
}
