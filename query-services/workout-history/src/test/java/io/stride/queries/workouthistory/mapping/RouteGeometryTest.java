package io.stride.queries.workouthistory.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Route drawing checked against published values and against a brute-force measure on the sphere (haversine), not
 * against the plane the simplification itself uses.
 */
class RouteGeometryTest {

    @Test
    void shouldEncodeGooglesDocumentedExampleWhenGivenItsThreePoints() {
        // given: the example of Google's "Encoded Polyline Algorithm Format" page
        List<LatLon> points = List.of(new LatLon(38.5, -120.2), new LatLon(40.7, -120.95),
                new LatLon(43.252, -126.453));

        // when
        String encoded = RouteGeometry.encodePolyline(points);

        // then
        assertThat(encoded).isEqualTo("_p~iF~ps|U_ulLnnqC_mqNvxq`@");
    }

    @Test
    void shouldRoundTripEveryPointToFiveDecimalsWhenDecodedIndependently() {
        // given
        Random random = new Random(42);
        List<LatLon> points = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            points.add(new LatLon(55.75 + random.nextGaussian() * 0.01, 37.61 + random.nextGaussian() * 0.01));
        }

        // when
        List<double[]> decoded = decode(RouteGeometry.encodePolyline(points));

        // then
        assertThat(decoded).hasSize(points.size());
        for (int i = 0; i < points.size(); i++) {
            assertThat(decoded.get(i)[0]).isCloseTo(points.get(i).latitude(), within(0.5e-5 + 1e-12));
            assertThat(decoded.get(i)[1]).isCloseTo(points.get(i).longitude(), within(0.5e-5 + 1e-12));
        }
    }

    /** Google's decoding, written from the format's description. */
    private static List<double[]> decode(String encoded) {
        List<double[]> points = new ArrayList<>();
        int index = 0;
        long lat = 0;
        long lon = 0;
        while (index < encoded.length()) {
            long[] values = new long[2];
            for (int k = 0; k < 2; k++) {
                long result = 0;
                int shift = 0;
                int b;
                do {
                    b = encoded.charAt(index++) - 63;
                    result |= (long) (b & 0x1f) << shift;
                    shift += 5;
                } while (b >= 0x20);
                values[k] = (result & 1) != 0 ? ~(result >> 1) : result >> 1;
            }
            lat += values[0];
            lon += values[1];
            points.add(new double[] {lat / 1e5, lon / 1e5});
        }
        return points;
    }

    @Test
    void shouldGiveTheWebMercatorPixelSizeWhenAskedForAZoomAndLatitude() {
        // then: 156,543.03 m at zoom 0 on the equator (OpenStreetMap wiki), halved by each zoom and by cos 60°
        assertThat(RouteGeometry.metersPerPixel(0, 0)).isCloseTo(156_543.03, within(0.01));
        assertThat(RouteGeometry.metersPerPixel(15, 60)).isCloseTo(156_543.03 / 32_768 / 2, within(1e-4));
    }

    @Test
    void shouldKeepOnlyTheEndsWhenThePointsDeviateLessThanTheTolerance() {
        // given: a 1 km line due north with 1 m wiggles east and west
        List<LatLon> points = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            double east = (i % 2 == 0 ? 1 : -1) / (Math.cos(Math.toRadians(55.75)) * 111_195.0);
            points.add(new LatLon(55.75 + i * 10 * Tracks.DEGREES_PER_METER, 37.61 + (i == 0 || i == 100 ? 0 : east)));
        }

        // when
        List<LatLon> simplified = RouteGeometry.simplify(points, 5);

        // then
        assertThat(simplified).containsExactly(points.getFirst(), points.getLast());
    }

    @Test
    void shouldKeepEveryPointFartherThanTheToleranceWhenTheRouteTurns() {
        // given: a random walk of 2,000 points (about 5 m steps)
        Random random = new Random(7);
        List<LatLon> points = new ArrayList<>();
        double lat = 55.75;
        double lon = 37.61;
        for (int i = 0; i < 2_000; i++) {
            lat += random.nextGaussian() * 4e-5;
            lon += random.nextGaussian() * 6e-5;
            points.add(new LatLon(lat, lon));
        }
        double tolerance = RouteGeometry.metersPerPixel(15, 55.75);

        // when
        List<LatLon> simplified = RouteGeometry.simplify(points, tolerance);

        // then: fewer points, the ends kept, and every original point within the tolerance (plus the flat plane's
        // error, well under 1 %) of the simplified line as measured on the sphere
        assertThat(simplified.size()).isLessThan(points.size()).isGreaterThan(2);
        assertThat(simplified.getFirst()).isEqualTo(points.getFirst());
        assertThat(simplified.getLast()).isEqualTo(points.getLast());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0, k = 0; i < points.size() && k < simplified.size(); i++) {
            if (points.get(i) == simplified.get(k)) {
                kept.add(i);
                k++;
            }
        }
        assertThat(kept).hasSameSizeAs(simplified);
        for (int segment = 1; segment < kept.size(); segment++) {
            LatLon a = points.get(kept.get(segment - 1));
            LatLon b = points.get(kept.get(segment));
            for (int i = kept.get(segment - 1); i <= kept.get(segment); i++) {
                assertThat(distanceToSegment(points.get(i), a, b)).isLessThanOrEqualTo(tolerance * 1.01 + 0.05);
            }
        }
    }

    /** Brute force on the sphere: the nearest of 400 haversine-measured positions along the segment. */
    private static double distanceToSegment(LatLon point, LatLon a, LatLon b) {
        double best = Double.MAX_VALUE;
        for (int k = 0; k <= 400; k++) {
            double f = k / 400.0;
            best = Math.min(best, GeoMath.haversineMeters(point.latitude(), point.longitude(),
                    a.latitude() + f * (b.latitude() - a.latitude()),
                    a.longitude() + f * (b.longitude() - a.longitude())));
        }
        return best;
    }

    @Test
    void shouldChooseTheLargestZoomThatFitsWhenARouteIsFittedToAPanel() {
        // given: a route 0.01° of longitude wide at the equator: 0.01 / 360 of the world
        RouteGeometry.Bounds bounds = new RouteGeometry.Bounds(0, 0, 0.001, 0.01);

        // when
        int zoom = RouteGeometry.fitZoom(bounds, 512, 512);

        // then: world width 256 · 2^z pixels; 0.01/360 of it must fit in 512: 2^z ≤ 512 · 36000 / 256 = 72,000
        assertThat(zoom).isEqualTo((int) Math.floor(Math.log(512 * 36_000.0 / 256) / Math.log(2)));
    }
}
