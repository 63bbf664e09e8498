package io.stride.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stride.schemas.telemetry.TelemetrySample;

/** The tool that writes {@code v<N+1>.avsc} records exactly the changed, compatible schemas. */
class RecordSchemaVersionsTest {

    private static final String TELEMETRY = TelemetrySample.getClassSchema().getFullName();
    private static final Schema V1 = TelemetrySample.getClassSchema();

    @TempDir
    Path root;

    @Test
    void shouldWriteV1WhenRecordHasNoHistory() throws Exception {
        // given
        var history = new SchemaHistory(root);

        // when
        var report = RecordSchemaVersions.run(history, Map.of(TELEMETRY, V1), Set.of());

        // then
        Path v1 = root.resolve(TELEMETRY).resolve("v1.avsc");
        assertThat(report).containsExactly("recorded " + TELEMETRY + " v1 -> " + v1);
        assertThat(new Schema.Parser().parse(Files.readString(v1)).toString()).isEqualTo(V1.toString());
        assertThat(history.isRecorded(TELEMETRY, V1)).isTrue();
    }

    @Test
    void shouldWriteNothingWhenSchemaIsUnchanged() {
        // given
        var history = new SchemaHistory(root);
        history.recordNext(TELEMETRY, V1);

        // when
        var report = RecordSchemaVersions.run(history, Map.of(TELEMETRY, V1), Set.of());

        // then
        assertThat(report).containsExactly("unchanged " + TELEMETRY + " (v1)");
        assertThat(history.versions(TELEMETRY)).hasSize(1);
    }

    @Test
    void shouldWriteNextVersionWhenChangeIsCompatible() {
        // given
        var history = new SchemaHistory(root);
        history.recordNext(TELEMETRY, V1);
        Schema v2 = withBatteryPercent("[\"null\",\"int\"],\"default\":null");

        // when
        var report = RecordSchemaVersions.run(history, Map.of(TELEMETRY, v2), Set.of(TELEMETRY));

        // then
        assertThat(report).containsExactly(
                "recorded " + TELEMETRY + " v2 -> " + root.resolve(TELEMETRY).resolve("v2.avsc"));
        assertThat(history.versions(TELEMETRY)).extracting(SchemaHistory.Version::version).containsExactly(1, 2);
        assertThat(history.isRecorded(TELEMETRY, v2)).isTrue();
    }

    @Test
    void shouldRefuseAndWriteNothingWhenChangeBreaksHistory() {
        // given
        var history = new SchemaHistory(root);
        history.recordNext(TELEMETRY, V1);
        Schema breaking = withBatteryPercent("\"int\"");

        // when / then
        assertThatThrownBy(() -> RecordSchemaVersions.run(history, Map.of(TELEMETRY, breaking), Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing recorded")
                .hasMessageContaining(TELEMETRY + ": the current schema cannot read data written with v1")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(history.versions(TELEMETRY)).hasSize(1);
    }

    @Test
    void shouldRefuseWhenRecordIsUnknown() {
        // given
        var history = new SchemaHistory(root);

        // when / then
        assertThatThrownBy(() -> RecordSchemaVersions.run(history, Map.of(TELEMETRY, V1), Set.of("no.such.Record")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown records [no.such.Record]");
        assertThat(history.recordedNames()).isEmpty();
    }

    private static Schema withBatteryPercent(String typeAndDefault) {
        String json = V1.toString().replace("{\"name\":\"powerWatts\",",
                "{\"name\":\"batteryPercent\",\"type\":" + typeAndDefault + ",\"doc\":\"Battery level.\"},"
                        + "{\"name\":\"powerWatts\",");
        return new Schema.Parser().parse(json);
    }
}
