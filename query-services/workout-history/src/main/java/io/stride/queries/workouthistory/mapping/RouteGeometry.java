package io.stride.queries.workouthistory.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Route drawing for maps: Douglas–Peucker simplification with a tolerance of one screen pixel at the requested Web
 * Mercator zoom, the zoom that fits a route into a panel, and Google's encoded polyline (precision 5).
 */
public final class RouteGeometry {

    /** Web Mercator metres per pixel at the equator at zoom 0 with 256-pixel tiles (2πR / 256, R = 6,378,137 m). */
    static final double METERS_PER_PIXEL_AT_ZOOM_0 = 156_543.033_928_041;
    /** Zoom levels a client may ask for, as slippy maps use them. */
    public static final int MIN_ZOOM = 0;
    public static final int MAX_ZOOM = 22;

    private RouteGeometry() {
    }

    /** Size on the ground of one pixel at a zoom and latitude (Web Mercator): the simplification tolerance. */
    public static double metersPerPixel(int zoom, double latitude) {
        return METERS_PER_PIXEL_AT_ZOOM_0 * Math.cos(Math.toRadians(latitude)) / Math.pow(2, zoom);
    }

    /** The largest zoom at which the bounds fit into a panel of {@code widthPx} × {@code heightPx}. */
    public static int fitZoom(Bounds bounds, int widthPx, int heightPx) {
        for (int zoom = MAX_ZOOM; zoom > MIN_ZOOM; zoom--) {
            double scale = 256 * Math.pow(2, zoom);
            double width = (mercatorX(bounds.east()) - mercatorX(bounds.west())) * scale;
            double height = (mercatorY(bounds.south()) - mercatorY(bounds.north())) * scale;
            if (width <= widthPx && height <= heightPx) {
                return zoom;
            }
        }
        return MIN_ZOOM;
    }

    /** Web Mercator x in [0, 1] of a longitude. */
    static double mercatorX(double longitude) {
        return (longitude + 180.0) / 360.0;
    }

    /** Web Mercator y in [0, 1] of a latitude (0 at the north edge). */
    static double mercatorY(double latitude) {
        double sin = Math.sin(Math.toRadians(latitude));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    /** Smallest box holding every point. */
    public static Bounds bounds(List<LatLon> points) {
        double south = Double.MAX_VALUE;
        double west = Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        for (LatLon point : points) {
            south = Math.min(south, point.latitude());
            north = Math.max(north, point.latitude());
            west = Math.min(west, point.longitude());
            east = Math.max(east, point.longitude());
        }
        return new Bounds(south, west, north, east);
    }

    /**
     * Douglas–Peucker: keeps the first and last point and, recursively, the point farthest from the chord while it
     * is farther than {@code toleranceMeters}. Distances are measured in a local equirectangular plane around the
     * route (metres; exact enough over a workout's extent). Iterative, so a long route cannot overflow the stack.
     */
    public static List<LatLon> simplify(List<LatLon> points, double toleranceMeters) {
        if (points.size() < 3 || toleranceMeters <= 0) {
            return List.copyOf(points);
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        project(points, x, y);
        boolean[] keep = new boolean[points.size()];
        keep[0] = true;
        keep[points.size() - 1] = true;
        ArrayList<int[]> stack = new ArrayList<>();
        stack.add(new int[] {0, points.size() - 1});
        while (!stack.isEmpty()) {
            int[] range = stack.removeLast();
            int farthest = -1;
            double maxDistance = toleranceMeters;
            for (int i = range[0] + 1; i < range[1]; i++) {
                double distance = segmentDistance(x[i], y[i], x[range[0]], y[range[0]], x[range[1]], y[range[1]]);
                if (distance > maxDistance) {
                    maxDistance = distance;
                    farthest = i;
                }
            }
            if (farthest >= 0) {
                keep[farthest] = true;
                stack.add(new int[] {range[0], farthest});
                stack.add(new int[] {farthest, range[1]});
            }
        }
        List<LatLon> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (keep[i]) {
                kept.add(points.get(i));
            }
        }
        return kept;
    }

    /** Local plane in metres: x east, y north, around the mean latitude. */
    static void project(List<LatLon> points, double[] x, double[] y) {
        double meanLatitude = points.stream().mapToDouble(LatLon::latitude).average().orElse(0);
        double metersPerDegree = Math.toRadians(1) * GeoMath.EARTH_MEAN_RADIUS_METERS;
        double cos = Math.cos(Math.toRadians(meanLatitude));
        for (int i = 0; i < points.size(); i++) {
            x[i] = points.get(i).longitude() * metersPerDegree * cos;
            y[i] = points.get(i).latitude() * metersPerDegree;
        }
    }

    /** Distance from p to the segment a–b in the plane. */
    static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
        double cx = ax + t * dx;
        double cy = ay + t * dy;
        return Math.hypot(px - cx, py - cy);
    }

    /**
     * Google's encoded polyline algorithm format with precision 5: each coordinate rounded to 1e-5 degrees, stored as
     * the difference to the previous one, zig-zag encoded and written in 5-bit chunks offset by 63.
     */
    public static String encodePolyline(List<LatLon> points) {
        StringBuilder encoded = new StringBuilder();
        long previousLatitude = 0;
        long previousLongitude = 0;
        for (LatLon point : points) {
            long latitude = Math.round(point.latitude() * 1e5);
            long longitude = Math.round(point.longitude() * 1e5);
            encodeValue(latitude - previousLatitude, encoded);
            encodeValue(longitude - previousLongitude, encoded);
            previousLatitude = latitude;
            previousLongitude = longitude;
        }
        return encoded.toString();
    }

    private static void encodeValue(long delta, StringBuilder out) {
        long value = delta < 0 ? ~(delta << 1) : delta << 1;
        while (value >= 0x20) {
            out.append((char) ((0x20 | (value & 0x1f)) + 63));
            value >>= 5;
        }
        out.append((char) (value + 63));
    }

    /** A box in degrees. */
    public record Bounds(double south, double west, double north, double east) {
    }
}
