package io.stride.ingest.telemetrygateway.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.WayPoint;

/** GPX through jpx; heart rate and cadence from Garmin's TrackPointExtension when present. */
final class GpxReader implements RecordingFormat.RecordingReader {

    @Override
    public List<RecordedPoint> read(InputStream file) throws UnreadableRecording {
        GPX gpx;
        try {
            gpx = GPX.Reader.of(GPX.Reader.Mode.LENIENT).read(file);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new UnreadableRecording("not a readable GPX file", e);
        }
        List<RecordedPoint> points = new ArrayList<>();
        gpx.tracks()
                .flatMap(track -> track.segments())
                .flatMap(segment -> segment.points())
                .forEach(point -> points.add(toPoint(point)));
        return points;
    }

    private static RecordedPoint toPoint(WayPoint point) {
        Optional<Document> extensions = point.getExtensions();
        return new RecordedPoint(
                point.getTime().orElse(null),
                point.getLatitude().doubleValue(),
                point.getLongitude().doubleValue(),
                point.getElevation().map(elevation -> elevation.doubleValue()).orElse(null),
                extensions.map(doc -> integer(doc, "hr")).orElse(null),
                point.getSpeed().map(speed -> speed.doubleValue()).orElse(null),
                extensions.map(doc -> integer(doc, "cad")).orElse(null),
                null);
    }

    /** The first element with this local name (any namespace prefix), as an integer. */
    private static Integer integer(Document extensions, String localName) {
        NodeList all = extensions.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Node node = all.item(i);
            String name = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
            if (name.endsWith(":" + localName) || name.equals(localName)) {
                try {
                    return (int) Math.round(Double.parseDouble(((Element) node).getTextContent().trim()));
                } catch (NumberFormatException ignored) {
                    return null;
                }
            }
        }
        return null;
    }
}
