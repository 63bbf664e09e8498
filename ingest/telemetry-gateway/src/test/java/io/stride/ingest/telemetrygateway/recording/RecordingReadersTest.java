package io.stride.ingest.telemetrygateway.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.garmin.fit.DateTime;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.RecordMesg;

public class RecordingReadersTest {

    private static final Instant T0 = Instant.parse("2025-04-05T15:00:00Z");

    public static String gpx() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="stride-test" xmlns="http://www.topografix.com/GPX/1/1"
                     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
                  <trk><name>Morning run</name><trkseg>
                    <trkpt lat="55.7558" lon="37.6173"><ele>150.5</ele><time>2025-04-05T15:00:00Z</time>
                      <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>141</gpxtpx:hr><gpxtpx:cad>84</gpxtpx:cad>
                      </gpxtpx:TrackPointExtension></extensions></trkpt>
                    <trkpt lat="55.7567" lon="37.6173"><ele>151.0</ele><time>2025-04-05T15:00:30Z</time></trkpt>
                  </trkseg></trk>
                </gpx>
                """;
    }

    public static String tcx() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
                    xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
                  <Activities><Activity Sport="Biking"><Id>2025-04-05T15:00:00Z</Id>
                    <Lap StartTime="2025-04-05T15:00:00Z"><Track>
                      <Trackpoint><Time>2025-04-05T15:00:00Z</Time>
                        <Position><LatitudeDegrees>55.7558</LatitudeDegrees><LongitudeDegrees>37.6173</LongitudeDegrees></Position>
                        <AltitudeMeters>150.5</AltitudeMeters><HeartRateBpm><Value>131</Value></HeartRateBpm>
                        <Cadence>88</Cadence>
                        <Extensions><ns3:TPX><ns3:Speed>8.5</ns3:Speed><ns3:Watts>240</ns3:Watts></ns3:TPX></Extensions>
                      </Trackpoint>
                      <Trackpoint><Time>2025-04-05T15:00:01Z</Time><HeartRateBpm><Value>132</Value></HeartRateBpm></Trackpoint>
                    </Track></Lap>
                  </Activity></Activities>
                </TrainingCenterDatabase>
                """;
    }

    public static byte[] fit(Path dir) throws IOException {
        File file = dir.resolve("ride.fit").toFile();
        FileEncoder encoder = new FileEncoder(file, Fit.ProtocolVersion.V2_0);
        FileIdMesg id = new FileIdMesg();
        id.setType(com.garmin.fit.File.ACTIVITY);
        id.setTimeCreated(new DateTime(Date.from(T0)));
        encoder.write(id);
        for (int i = 0; i < 3; i++) {
            RecordMesg record = new RecordMesg();
            record.setTimestamp(new DateTime(Date.from(T0.plusSeconds(i))));
            record.setPositionLat((int) Math.round((55.75 + i * 0.0001) / (180.0 / Math.pow(2, 31))));
            record.setPositionLong((int) Math.round(37.61 / (180.0 / Math.pow(2, 31))));
            record.setEnhancedAltitude(150f + i);
            record.setEnhancedSpeed(3.5f);
            record.setHeartRate((short) (140 + i));
            record.setCadence((short) 85);
            record.setPower(250);
            encoder.write(record);
        }
        encoder.close();
        return Files.readAllBytes(file.toPath());
    }

    @Test
    void shouldReadTrackPointsWithHeartRateExtensionWhenTheFileIsGpx() throws Exception {
        // when
        List<RecordedPoint> points = RecordingFormat.GPX.read(
                new ByteArrayInputStream(gpx().getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(points).containsExactly(
                new RecordedPoint(T0, 55.7558, 37.6173, 150.5, 141, null, 84, null),
                new RecordedPoint(T0.plusSeconds(30), 55.7567, 37.6173, 151.0, null, null, null, null));
    }

    @Test
    void shouldReadTrackpointsWithSpeedAndWattsWhenTheFileIsTcx() throws Exception {
        // when
        List<RecordedPoint> points = RecordingFormat.TCX.read(
                new ByteArrayInputStream(tcx().getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(points).containsExactly(
                new RecordedPoint(T0, 55.7558, 37.6173, 150.5, 131, 8.5, 88, 240),
                new RecordedPoint(T0.plusSeconds(1), null, null, null, 132, null, null, null));
    }

    @Test
    void shouldReadRecordMessagesInDegreesWhenTheFileIsFit(@TempDir Path dir) throws Exception {
        // when
        List<RecordedPoint> points = RecordingFormat.FIT.read(new ByteArrayInputStream(fit(dir)));

        // then: semicircles converted back to degrees within the format's resolution (~1e-7 degrees)
        assertThat(points).hasSize(3);
        RecordedPoint last = points.getLast();
        assertThat(last.time()).isEqualTo(T0.plusSeconds(2));
        assertThat(last.latitude()).isCloseTo(55.7502, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(last.longitude()).isCloseTo(37.61, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(last.altitudeMeters()).isCloseTo(152.0, org.assertj.core.data.Offset.offset(0.2));
        assertThat(last.speedMetersPerSecond()).isCloseTo(3.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(last.heartRateBpm()).isEqualTo(142);
        assertThat(last.cadenceRpm()).isEqualTo(85);
        assertThat(last.powerWatts()).isEqualTo(250);
    }

    @Test
    void shouldRefuseAFileThatIsNotOfTheAnnouncedFormat() {
        byte[] garbage = "hello, not a recording".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RecordingFormat.FIT.read(new ByteArrayInputStream(garbage)))
                .isInstanceOf(UnreadableRecording.class);
        assertThatThrownBy(() -> RecordingFormat.TCX.read(new ByteArrayInputStream(garbage)))
                .isInstanceOf(UnreadableRecording.class);
        assertThatThrownBy(() -> RecordingFormat.GPX.read(new ByteArrayInputStream(garbage)))
                .isInstanceOf(UnreadableRecording.class);
    }

    @Test
    void shouldNeverReadALocalFileWhenARecordingDeclaresAnExternalEntity(@TempDir Path dir) throws Exception {
        // given: XXE, an external entity naming a file of the gateway's machine, used where a number is read
        Path secret = Files.writeString(dir.resolve("secret.txt"), "187");
        String doctype = "<!DOCTYPE %s [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
        String gpx = gpx().replace("<gpx ", doctype.formatted("gpx") + "\n<gpx ")
                .replace("<gpxtpx:hr>141</gpxtpx:hr>", "<gpxtpx:hr>&xxe;</gpxtpx:hr>");
        String tcx = tcx().replace("<TrainingCenterDatabase ", doctype.formatted("TrainingCenterDatabase")
                + "\n<TrainingCenterDatabase ").replace("<Value>131</Value>", "<Value>&xxe;</Value>");

        // when / then: refused, or read without the file's content; never 187
        for (var attempt : List.of(Map.entry(RecordingFormat.GPX, gpx),
                Map.entry(RecordingFormat.TCX, tcx))) {
            try {
                List<RecordedPoint> points = attempt.getKey().read(
                        new ByteArrayInputStream(attempt.getValue().getBytes(StandardCharsets.UTF_8)));
                assertThat(points).as(attempt.getKey().name()).noneMatch(point -> Integer.valueOf(187)
                        .equals(point.heartRateBpm()));
            } catch (UnreadableRecording refused) {
                assertThat(refused).as(attempt.getKey().name()).hasMessageNotContaining("187");
            }
        }
    }

    @Test
    void shouldNameFormatsCaseInsensitively() {
        assertThat(RecordingFormat.named("GpX")).contains(RecordingFormat.GPX);
        assertThat(RecordingFormat.named("kml")).isEmpty();
        assertThat(RecordingFormat.named(null)).isEmpty();
    }
}
