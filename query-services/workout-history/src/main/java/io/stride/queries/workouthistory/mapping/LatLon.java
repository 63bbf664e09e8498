package io.stride.queries.workouthistory.mapping;

/** A position in WGS-84 degrees. */
public record LatLon(double latitude, double longitude) {
}
