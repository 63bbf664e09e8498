package io.stride.queries.workouthistory.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.WayPoint;
import io.stride.queries.workouthistory.store.TrackDocument;
import io.stride.queries.workouthistory.store.WorkoutDocument;

/**
 * Exports read back by independent readers (jpx for GPX, the JDK's DOM for TCX) give the track's points, times,
 * altitude and heart rate, and a distance (haversine over the points read) within 0.5 % of the workout's.
 */
class ExportsTest {

    private static final Instant START = Instant.parse("2025-06-01T06:00:00Z");
    private final List<TrackSample> samples = Tracks.north(55.75, 37.61, 5, List.of(new Tracks.Leg(600, 3.5, true),
            new Tracks.Leg(60, 0, false), new Tracks.Leg(600, 3.5, true)));
    private final WorkoutDocument workout = workout();
    private final TrackDocument track = new TrackDocument(workout.workoutId, workout.userId, START.plusSeconds(2),
            START.plusSeconds(86_400), samples, true, "e");

    private WorkoutDocument workout() {
        WorkoutDocument document = WorkoutDocument.of("9f1c1a52-7b0b-4bb5-9f7e-4d0a37b1c0de");
        document.userId = "u";
        document.sport = "RUNNING";
        document.title = "Run & <fun>";
        document.status = WorkoutDocument.Status.COMPLETED;
        document.startTime = START;
        document.durationSeconds = 1_260;
        document.distanceMeters = samples.getLast().distanceMeters();
        document.caloriesKcal = 321.4;
        document.avgHeartRateBpm = 145;
        document.maxHeartRateBpm = 150;
        return document;
    }

    private static double distance(List<double[]> points) {
        double meters = 0;
        for (int i = 1; i < points.size(); i++) {
            meters += GeoMath.haversineMeters(points.get(i - 1)[0], points.get(i - 1)[1], points.get(i)[0],
                    points.get(i)[1]);
        }
        return meters;
    }

    @Test
    void shouldReadBackTheSameTrackWhenTheGpxIsParsedByJpx() throws Exception {
        // when
        String gpx = Exports.gpx(workout, track);
        GPX parsed = GPX.Reader.of(GPX.Reader.Mode.STRICT).read(new ByteArrayInputStream(
                gpx.getBytes(StandardCharsets.UTF_8)));

        // then
        List<WayPoint> points = parsed.tracks().flatMap(t -> t.segments()).flatMap(s -> s.points()).toList();
        assertThat(points).hasSize(samples.size());
        assertThat(parsed.getMetadata().orElseThrow().getName()).contains("Run & <fun>");
        for (int i = 0; i < samples.size(); i++) {
            WayPoint point = points.get(i);
            TrackSample sample = samples.get(i);
            assertThat(point.getLatitude().doubleValue()).isEqualTo(sample.latitude());
            assertThat(point.getLongitude().doubleValue()).isEqualTo(sample.longitude());
            assertThat(point.getElevation().orElseThrow().doubleValue()).isEqualTo(sample.altitudeMeters());
            assertThat(point.getTime().orElseThrow()).isEqualTo(START.plusSeconds(2).plusMillis(sample.offsetMillis()));
        }
        assertThat(gpx).contains("<gpxtpx:hr>150</gpxtpx:hr>").contains("<gpxtpx:hr>100</gpxtpx:hr>");
        double readBack = distance(points.stream()
                .map(p -> new double[] {p.getLatitude().doubleValue(), p.getLongitude().doubleValue()}).toList());
        assertThat(readBack).isCloseTo(workout.distanceMeters, within(workout.distanceMeters * 0.005));
    }

    @Test
    void shouldReadBackTheSameTrackWhenTheTcxIsParsed() throws Exception {
        // when
        String tcx = Exports.tcx(workout, track);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(tcx.getBytes(StandardCharsets.UTF_8)));

        // then
        NodeList trackpoints = document.getElementsByTagNameNS(Exports.TCX_NS, "Trackpoint");
        assertThat(trackpoints.getLength()).isEqualTo(samples.size());
        Element activity = (Element) document.getElementsByTagNameNS(Exports.TCX_NS, "Activity").item(0);
        assertThat(activity.getAttribute("Sport")).isEqualTo("Running");
        Element lap = (Element) document.getElementsByTagNameNS(Exports.TCX_NS, "Lap").item(0);
        assertThat(text(lap, "TotalTimeSeconds")).isEqualTo("1260.0");
        assertThat(text(lap, "Calories")).isEqualTo("321");
        List<double[]> positions = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Element point = (Element) trackpoints.item(i);
            TrackSample sample = samples.get(i);
            assertThat(Instant.parse(text(point, "Time"))).isEqualTo(START.plusSeconds(2)
                    .plusMillis(sample.offsetMillis()));
            assertThat(Double.parseDouble(text(point, "DistanceMeters"))).isEqualTo(sample.distanceMeters());
            assertThat(Integer.parseInt(text(point, "Value"))).isEqualTo(sample.heartRateBpm());
            positions.add(new double[] {Double.parseDouble(text(point, "LatitudeDegrees")),
                    Double.parseDouble(text(point, "LongitudeDegrees"))});
        }
        assertThat(distance(positions)).isCloseTo(workout.distanceMeters, within(workout.distanceMeters * 0.005));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(Exports.TCX_NS, name).item(0).getTextContent();
    }
}
