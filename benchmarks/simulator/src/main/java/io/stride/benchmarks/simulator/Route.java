package io.stride.benchmarks.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A closed loop (a run around a park): a polygon of waypoints that an athlete follows lap after lap. Distances use
 * a local flat-earth projection, accurate to well under 0.1% at a few kilometres.
 */
final class Route {

    static final double METERS_PER_DEGREE_LAT = 111_195.08;

    private final double[] lat;
    private final double[] lon;
    private final double[] cumulative;   // distance from the start to each waypoint, closing segment included

    private Route(double[] lat, double[] lon) {
        this.lat = lat;
        this.lon = lon;
        this.cumulative = new double[lat.length + 1];
        for (int i = 0; i < lat.length; i++) {
            int next = (i + 1) % lat.length;
            cumulative[i + 1] = cumulative[i] + flatDistance(lat[i], lon[i], lat[next], lon[next]);
        }
    }

    /** A wobbly ellipse of about {@code radiusMeters} around a centre, with {@code points} waypoints. */
    static Route loop(double centreLat, double centreLon, double radiusMeters, int points, Random random) {
        double[] lat = new double[points];
        double[] lon = new double[points];
        double metersPerDegreeLon = METERS_PER_DEGREE_LAT * Math.cos(Math.toRadians(centreLat));
        double stretch = 0.6 + 0.8 * random.nextDouble();
        for (int i = 0; i < points; i++) {
            double angle = 2 * Math.PI * i / points;
            double wobble = 1 + 0.12 * (random.nextDouble() - 0.5);
            lat[i] = centreLat + radiusMeters * wobble * Math.sin(angle) / METERS_PER_DEGREE_LAT;
            lon[i] = centreLon + radiusMeters * stretch * wobble * Math.cos(angle) / metersPerDegreeLon;
        }
        return new Route(lat, lon);
    }

    /** Length of one lap in metres. */
    double lapMeters() {
        return cumulative[lat.length];
    }

    /** The point {@code distanceMeters} along the route (laps wrap around). */
    double[] pointAt(double distanceMeters) {
        double d = distanceMeters % lapMeters();
        int i = 0;
        while (cumulative[i + 1] < d) {
            i++;
        }
        int next = (i + 1) % lat.length;
        double segment = cumulative[i + 1] - cumulative[i];
        double f = segment == 0 ? 0 : (d - cumulative[i]) / segment;
        return new double[] {lat[i] + f * (lat[next] - lat[i]), lon[i] + f * (lon[next] - lon[i])};
    }

    static double flatDistance(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat2 - lat1) * METERS_PER_DEGREE_LAT;
        double dx = (lon2 - lon1) * METERS_PER_DEGREE_LAT * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.sqrt(dx * dx + dy * dy);
    }

    List<double[]> waypoints() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < lat.length; i++) {
            points.add(new double[] {lat[i], lon[i]});
        }
        return points;
    }
}
