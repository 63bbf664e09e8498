package io.stride.queries.workouthistory.api;

import java.util.Map;

/**
 * WorkoutRouteMap (architecture document, read models): the route for a map, simplified for the zoom asked
 * (Douglas–Peucker, tolerance one pixel at that zoom), as an encoded polyline (Google's format, precision 5) and as
 * a GeoJSON Feature with a LineString ([longitude, latitude] pairs, RFC 7946).
 */
public record WorkoutRouteMap(String workoutId, int zoom, double toleranceMeters, int pointCount,
        int originalPointCount, Bounds bounds, String polyline, Map<String, Object> geojson) {

    /** The route's bounding box in degrees. */
    public record Bounds(double south, double west, double north, double east) {
    }
}
