package io.stride.ingest.telemetrygateway.recording;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Garmin Training Center XML, read with StAX (no maintained Java TCX library exists). DTDs and external entities are
 * refused. Reads every {@code Trackpoint}: time, position, altitude, heart rate, cadence, and the ActivityExtension
 * speed and watts.
 */
final class TcxReader implements RecordingFormat.RecordingReader {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    @Override
    public List<RecordedPoint> read(InputStream file) throws UnreadableRecording {
        List<RecordedPoint> points = new ArrayList<>();
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(file);
            Trackpoint current = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("Trackpoint")) {
                        current = new Trackpoint();
                    } else if (current != null) {
                        current.read(name, xml);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Trackpoint")) {
                    points.add(current.toPoint());
                    current = null;
                }
            }
        } catch (XMLStreamException | DateTimeParseException | NumberFormatException e) {
            throw new UnreadableRecording("not a readable TCX file", e);
        }
        return points;
    }

    /** Fields of the trackpoint being read. */
    private static final class Trackpoint {
        private Instant time;
        private Double latitude;
        private Double longitude;
        private Double altitude;
        private Integer heartRate;
        private Integer cadence;
        private Double speed;
        private Integer watts;
        private boolean inHeartRate;

        void read(String element, XMLStreamReader xml) throws XMLStreamException {
            switch (element) {
                case "Time" -> time = Instant.parse(xml.getElementText().trim());
                case "LatitudeDegrees" -> latitude = Double.parseDouble(xml.getElementText().trim());
                case "LongitudeDegrees" -> longitude = Double.parseDouble(xml.getElementText().trim());
                case "AltitudeMeters" -> altitude = Double.parseDouble(xml.getElementText().trim());
                case "HeartRateBpm" -> inHeartRate = true;
                case "Value" -> {
                    if (inHeartRate) {
                        heartRate = (int) Math.round(Double.parseDouble(xml.getElementText().trim()));
                        inHeartRate = false;
                    }
                }
                case "Cadence", "RunCadence" -> cadence = (int) Math.round(Double.parseDouble(xml.getElementText().trim()));
                case "Speed" -> speed = Double.parseDouble(xml.getElementText().trim());
                case "Watts" -> watts = (int) Math.round(Double.parseDouble(xml.getElementText().trim()));
                default -> {
                    // other elements carry nothing the live state uses
                }
            }
        }

        RecordedPoint toPoint() {
            return new RecordedPoint(time, latitude, longitude, altitude, heartRate, speed, cadence, watts);
        }
    }
}
