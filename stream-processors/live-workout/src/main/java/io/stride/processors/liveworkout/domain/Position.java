package io.stride.processors.liveworkout.domain;

/** A WGS-84 position in decimal degrees. */
public record Position(double latitude, double longitude) {

    /** Great-circle distance to another position in metres. */
    public double distanceTo(Position other) {
        return GeoMath.haversineMeters(latitude, longitude, other.latitude, other.longitude);
    }
}
