package io.stride.processors.liveworkout.domain;

/** A position at an event time (epoch milliseconds), as kept in the live state. */
public record Fix(double latitude, double longitude, long atMillis) {

    Position position() {
        return new Position(latitude, longitude);
    }

    double distanceTo(Fix other) {
        return GeoMath.haversineMeters(latitude, longitude, other.latitude, other.longitude);
    }
}
