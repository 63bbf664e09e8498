package io.stride.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.workout.WorkoutStarted;

/**
 * The check the build runs against {@code src/history} rejects breaking changes and accepts the allowed ones.
 * Each case edits a real schema (its generated class's JSON) and checks the edit against that schema as v1.
 */
class BackwardTransitiveCheckTest {

    private static final String TELEMETRY = TelemetrySample.getClassSchema().getFullName();
    private static final String STARTED = WorkoutStarted.getClassSchema().getFullName();
    private static final String SPORT_TYPE_SYMBOLS =
            "\"symbols\":[\"RUNNING\",\"CYCLING\",\"WALKING\",\"HIKING\",\"SWIMMING\",\"ROWING\",\"OTHER\"]";

    @Test
    void shouldRejectWhenRequiredFieldIsAddedWithoutDefault() {
        // given
        Schema v1 = TelemetrySample.getClassSchema();
        Schema candidate = edit(v1, "{\"name\":\"powerWatts\",",
                "{\"name\":\"batteryPercent\",\"type\":\"int\",\"doc\":\"Battery level.\"},{\"name\":\"powerWatts\",");

        // when
        List<String> problems = BackwardTransitiveCheck.incompatibilities(TELEMETRY, candidate, history(v1));

        // then
        assertThat(problems).singleElement().asString()
                .startsWith(TELEMETRY + ": the current schema cannot read data written with v1 (v1.avsc)")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("batteryPercent");
    }

    @Test
    void shouldRejectWhenFieldTypeNarrows() {
        // given
        Schema v1 = TelemetrySample.getClassSchema();
        Schema candidate = edit(v1, "{\"name\":\"sequenceNumber\",\"type\":\"long\"",
                "{\"name\":\"sequenceNumber\",\"type\":\"int\"");

        // when
        List<String> problems = BackwardTransitiveCheck.incompatibilities(TELEMETRY, candidate, history(v1));

        // then
        assertThat(problems).singleElement().asString()
                .contains("v1")
                .contains("TYPE_MISMATCH at /fields/3/type");
    }

    @Test
    void shouldRejectWhenOptionalFieldBecomesRequired() {
        // given
        Schema v1 = TelemetrySample.getClassSchema();
        Schema candidate = edit(v1, "{\"name\":\"heartRateBpm\",\"type\":[\"null\",\"int\"],"
                        + "\"doc\":\"Heart rate in beats per minute.\",\"default\":null}",
                "{\"name\":\"heartRateBpm\",\"type\":\"int\",\"doc\":\"Heart rate in beats per minute.\"}");

        // when
        List<String> problems = BackwardTransitiveCheck.incompatibilities(TELEMETRY, candidate, history(v1));

        // then
        assertThat(problems).singleElement().asString()
                .contains("TYPE_MISMATCH")
                .contains("/fields/10/type");
    }

    @Test
    void shouldRejectWhenFieldIsRenamedWithoutAlias() {
        // given
        Schema v1 = TelemetrySample.getClassSchema();
        Schema candidate = edit(v1, "{\"name\":\"userId\",", "{\"name\":\"athleteId\",");

        // when
        List<String> problems = BackwardTransitiveCheck.incompatibilities(TELEMETRY, candidate, history(v1));

        // then
        assertThat(problems).singleElement().asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("athleteId");
    }

    @Test
    void shouldRejectWhenEnumSymbolIsRemovedFromEnumWithoutDefault() {
        // given
        Schema v1 = WorkoutStarted.getClassSchema();
        Schema candidate = edit(v1, SPORT_TYPE_SYMBOLS + ",\"default\":\"OTHER\"",
                "\"symbols\":[\"RUNNING\",\"CYCLING\",\"WALKING\",\"HIKING\",\"ROWING\",\"OTHER\"]");

        // when
        List<String> problems = BackwardTransitiveCheck.incompatibilities(STARTED, candidate, history(v1));

        // then
        assertThat(problems).singleElement().asString()
                .startsWith(STARTED + ": the current schema cannot read data written with v1")
                .contains("MISSING_ENUM_SYMBOLS at /fields/3/type/fields/2/type/symbols ([SWIMMING])");
    }

    @Test
    void shouldAcceptWhenEnumSymbolIsRemovedFromEnumWithDefault() {
        // given: Avro reads a symbol the reader lacks as the enum's default (SWIMMING becomes OTHER)
        Schema v1 = WorkoutStarted.getClassSchema();
        Schema candidate = edit(v1, SPORT_TYPE_SYMBOLS,
                "\"symbols\":[\"RUNNING\",\"CYCLING\",\"WALKING\",\"HIKING\",\"ROWING\",\"OTHER\"]");

        // when
        List<String> problems = BackwardTransitiveCheck.incompatibilities(STARTED, candidate, history(v1));

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldAcceptWhenOptionalFieldWithDefaultIsAdded() {
        // given
        Schema v1 = TelemetrySample.getClassSchema();
        Schema candidate = edit(v1, "{\"name\":\"powerWatts\",",
                "{\"name\":\"batteryPercent\",\"type\":[\"null\",\"int\"],\"doc\":\"Battery level.\","
                        + "\"default\":null},{\"name\":\"powerWatts\",");

        // when
        List<String> problems = BackwardTransitiveCheck.incompatibilities(TELEMETRY, candidate, history(v1));

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldAcceptWhenFieldIsRenamedWithAlias() {
        // given
        Schema v1 = TelemetrySample.getClassSchema();
        Schema candidate = edit(v1, "{\"name\":\"userId\",", "{\"name\":\"athleteId\",\"aliases\":[\"userId\"],");

        // when
        List<String> problems = BackwardTransitiveCheck.incompatibilities(TELEMETRY, candidate, history(v1));

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldRejectWhenOnlyOldestVersionIsUnreadable() {
        // given: v2 dropped cadenceRpm; the candidate brings it back as a string, readable from v2 but not from v1
        Schema v1 = TelemetrySample.getClassSchema();
        String cadence = "{\"name\":\"cadenceRpm\",\"type\":[\"null\",\"int\"],"
                + "\"doc\":\"Cadence in steps or revolutions per minute.\",\"default\":null},";
        Schema v2 = edit(v1, cadence, "");
        Schema candidate = edit(v1, cadence, cadence.replace("\"int\"", "\"string\""));
        var history = List.of(
                new SchemaHistory.Version(1, Path.of("v1.avsc"), v1),
                new SchemaHistory.Version(2, Path.of("v2.avsc"), v2));

        // when
        List<String> problems = BackwardTransitiveCheck.incompatibilities(TELEMETRY, candidate, history);
        List<String> againstNewestOnly = BackwardTransitiveCheck.incompatibilities(
                TELEMETRY, candidate, history.subList(1, 2));

        // then
        assertThat(againstNewestOnly).isEmpty();
        assertThat(problems).singleElement().asString()
                .contains("written with v1 (v1.avsc)")
                .contains("MISSING_UNION_BRANCH");
    }

    private static List<SchemaHistory.Version> history(Schema v1) {
        return List.of(new SchemaHistory.Version(1, Path.of("v1.avsc"), v1));
    }

    /** The schema with {@code from} (which must occur exactly once in its JSON) replaced by {@code to}. */
    private static Schema edit(Schema schema, String from, String to) {
        String json = schema.toString();
        assertThat(json).as("schema JSON to edit").containsOnlyOnce(from);
        return new Schema.Parser().parse(json.replace(from, to));
    }
}
