package io.stride.queries.workouthistory.mapping;

import java.io.StringWriter;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.stride.queries.workouthistory.store.TrackDocument;
import io.stride.queries.workouthistory.store.WorkoutDocument;

/**
 * A completed workout as a recording file, written from its track (a point every few seconds with its time), so that
 * other apps, and this platform's own importers, read it back to the same route, times, heart rate and altitude:
 * <ul>
 *   <li>GPX 1.1: a track of points with position, elevation and time; heart rate in Garmin's TrackPointExtension
 *   (as Garmin and Strava write it). Points without a position are left out (GPX requires one).</li>
 *   <li>TCX (Garmin Training Center v2): one lap with the workout's totals and every point with time, position,
 *   altitude, distance, heart rate and speed (ActivityExtension).</li>
 * </ul>
 */
public final class Exports {

    static final String GPX_NS = "http://www.topografix.com/GPX/1/1";
    static final String GPX_TPX_NS = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
    static final String TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
    static final String TCX_AX_NS = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Exports() {
    }

    /** The workout as GPX 1.1. */
    public static String gpx(WorkoutDocument workout, TrackDocument track) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("gpx");
            xml.writeDefaultNamespace(GPX_NS);
            xml.writeNamespace("gpxtpx", GPX_TPX_NS);
            xml.writeAttribute("version", "1.1");
            xml.writeAttribute("creator", "Stride");
            xml.writeStartElement("metadata");
            element(xml, "name", name(workout));
            element(xml, "time", workout.startTime.toString());
            xml.writeEndElement();
            xml.writeStartElement("trk");
            element(xml, "name", name(workout));
            element(xml, "type", sport(workout).toLowerCase(Locale.ROOT));
            xml.writeStartElement("trkseg");
            for (TrackSample sample : track.samples()) {
                if (!sample.positioned()) {
                    continue;
                }
                xml.writeStartElement("trkpt");
                xml.writeAttribute("lat", number(sample.latitude()));
                xml.writeAttribute("lon", number(sample.longitude()));
                if (sample.altitudeMeters() != null) {
                    element(xml, "ele", number(sample.altitudeMeters()));
                }
                if (track.timed()) {
                    element(xml, "time", time(track, sample));
                }
                if (sample.heartRateBpm() != null) {
                    xml.writeStartElement("extensions");
                    xml.writeStartElement("gpxtpx", "TrackPointExtension", GPX_TPX_NS);
                    xml.writeStartElement("gpxtpx", "hr", GPX_TPX_NS);
                    xml.writeCharacters(Integer.toString(sample.heartRateBpm()));
                    xml.writeEndElement();
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("GPX could not be written", e);
        }
    }

    /** The workout as TCX; needs a timed track (every TCX point has a time). */
    public static String tcx(WorkoutDocument workout, TrackDocument track) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("TrainingCenterDatabase");
            xml.writeDefaultNamespace(TCX_NS);
            xml.writeNamespace("ax", TCX_AX_NS);
            xml.writeStartElement("Activities");
            xml.writeStartElement("Activity");
            xml.writeAttribute("Sport", switch (sport(workout)) {
                case "RUNNING" -> "Running";
                case "CYCLING" -> "Biking";
                default -> "Other";
            });
            element(xml, "Id", workout.startTime.toString());
            xml.writeStartElement("Lap");
            xml.writeAttribute("StartTime", workout.startTime.toString());
            element(xml, "TotalTimeSeconds", number(workout.durationSeconds == null ? 0.0
                    : workout.durationSeconds.doubleValue()));
            element(xml, "DistanceMeters", number(workout.distanceMeters == null ? 0.0 : workout.distanceMeters));
            if (workout.maxSpeedMetersPerSecond != null) {
                element(xml, "MaximumSpeed", number(workout.maxSpeedMetersPerSecond));
            }
            element(xml, "Calories", Long.toString(Math.min(65_535, Math.round(workout.caloriesKcal == null ? 0
                    : workout.caloriesKcal))));
            if (workout.avgHeartRateBpm != null) {
                valueElement(xml, "AverageHeartRateBpm", workout.avgHeartRateBpm);
            }
            if (workout.maxHeartRateBpm != null) {
                valueElement(xml, "MaximumHeartRateBpm", workout.maxHeartRateBpm);
            }
            element(xml, "Intensity", "Active");
            element(xml, "TriggerMethod", "Manual");
            xml.writeStartElement("Track");
            for (TrackSample sample : track.samples()) {
                xml.writeStartElement("Trackpoint");
                element(xml, "Time", time(track, sample));
                if (sample.positioned()) {
                    xml.writeStartElement("Position");
                    element(xml, "LatitudeDegrees", number(sample.latitude()));
                    element(xml, "LongitudeDegrees", number(sample.longitude()));
                    xml.writeEndElement();
                }
                if (sample.altitudeMeters() != null) {
                    element(xml, "AltitudeMeters", number(sample.altitudeMeters()));
                }
                element(xml, "DistanceMeters", number(sample.distanceMeters()));
                if (sample.heartRateBpm() != null) {
                    valueElement(xml, "HeartRateBpm", sample.heartRateBpm());
                }
                if (sample.speedMetersPerSecond() != null) {
                    xml.writeStartElement("Extensions");
                    xml.writeStartElement("ax", "TPX", TCX_AX_NS);
                    xml.writeStartElement("ax", "Speed", TCX_AX_NS);
                    xml.writeCharacters(number(sample.speedMetersPerSecond()));
                    xml.writeEndElement();
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("TCX could not be written", e);
        }
    }

    private static String name(WorkoutDocument workout) {
        return workout.title != null ? workout.title
                : sport(workout).charAt(0) + sport(workout).substring(1).toLowerCase(Locale.ROOT) + " "
                        + workout.startTime.toString().substring(0, 10);
    }

    private static String sport(WorkoutDocument workout) {
        return workout.sport == null ? "OTHER" : workout.sport;
    }

    private static String time(TrackDocument track, TrackSample sample) {
        return track.startTime().plusMillis(sample.offsetMillis()).toString();
    }

    /** Shortest text that reads back to the same double. */
    private static String number(double value) {
        return Double.toString(value);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void valueElement(XMLStreamWriter xml, String name, int value) throws XMLStreamException {
        xml.writeStartElement(name);
        element(xml, "Value", Integer.toString(value));
        xml.writeEndElement();
    }
}
