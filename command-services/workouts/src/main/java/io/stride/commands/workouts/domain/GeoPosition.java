package io.stride.commands.workouts.domain;

/**
 * A WGS-84 position.
 *
 * @param latitude  decimal degrees, -90..90
 * @param longitude decimal degrees, -180..180
 */
public record GeoPosition(double latitude, double longitude) {

    public GeoPosition {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a position: " + latitude + ", " + longitude);
        }
    }
}
