package io.stride.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Every {@code .avsc} follows STYLE §8, and the rule checker itself catches what it claims to. */
class SchemaStyleTest {

    private static final List<AvroSources.SourceSchema> SOURCES = AvroSources.parse(AvroSources.root());

    @Test
    void shouldFollowSchemaStyleWhenTypeIsDefinedInAvsc() {
        // given
        assertThat(SOURCES).as("parsed .avsc files").isNotEmpty();

        // when
        var violations = new ArrayList<String>();
        for (AvroSources.SourceSchema source : SOURCES) {
            violations.addAll(SchemaStyle.violations(source.schema()));
        }

        // then
        assertThat(violations).as("STYLE §8 violations").isEmpty();
    }

    @Test
    void shouldDefineOneNamedTypeNamedAfterFileWhenAvscIsParsed() {
        // given
        var problems = new ArrayList<String>();

        // when
        for (AvroSources.SourceSchema source : SOURCES) {
            Schema schema = source.schema();
            String fileName = source.file().getFileName().toString();
            if (!fileName.equals(schema.getName() + ".avsc")) {
                problems.add(source.file() + " defines " + schema.getName() + ": file and type names differ");
            }
            if (!("io.stride.schemas." + source.domain()).equals(schema.getNamespace())) {
                problems.add(source.file() + " has namespace " + schema.getNamespace()
                        + ", expected io.stride.schemas." + source.domain());
            }
            if (!source.definedNames().equals(List.of(schema.getFullName()))) {
                problems.add(source.file() + " defines " + source.definedNames() + ": one named type per file");
            }
        }

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldReportEveryRuleWhenSchemaBreaksThem() {
        // given
        Schema bad = new Schema.Parser().parse("""
                {"type": "record", "name": "Bad", "namespace": "io.stride.schemas.test", "fields": [
                  {"name": "workoutId", "type": "string", "doc": "Not a uuid."},
                  {"name": "deviceId", "type": "string", "doc": "A device's own id: allowed."},
                  {"name": "startedAt", "type": "long", "doc": "Not a timestamp-millis."},
                  {"name": "endTime", "type": {"type": "long", "logicalType": "timestamp-micros"},
                   "doc": "Wrong precision."},
                  {"name": "note", "type": ["string", "null"], "default": "", "doc": "Null not first."},
                  {"name": "speed", "type": ["null", "double"], "doc": "Optional without default."},
                  {"name": "pace", "type": ["null", "double", "int"], "default": null, "doc": "Three branches."},
                  {"name": "undocumented", "type": "int"},
                  {"name": "kind", "doc": "Enum without default.",
                   "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"], "doc": "Kinds."}}
                ]}
                """);

        // when
        List<String> recordViolations = SchemaStyle.violations(bad);
        List<String> enumViolations = SchemaStyle.violations(bad.getField("kind").schema());

        // then
        assertThat(recordViolations).containsExactly(
                "io.stride.schemas.test.Bad: record has no doc",
                "io.stride.schemas.test.Bad.workoutId: id must be {\"type\": \"string\", \"logicalType\": \"uuid\"}"
                        + " but is \"string\"",
                "io.stride.schemas.test.Bad.startedAt: timestamp must be {\"type\": \"long\", \"logicalType\":"
                        + " \"timestamp-millis\"} but is \"long\"",
                "io.stride.schemas.test.Bad.endTime: timestamp must be {\"type\": \"long\", \"logicalType\":"
                        + " \"timestamp-millis\"} but is {\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}",
                "io.stride.schemas.test.Bad.note: a union field must be optional, [\"null\", T], but is"
                        + " [\"string\",\"null\"]",
                "io.stride.schemas.test.Bad.speed: optional field must declare \"default\": null",
                "io.stride.schemas.test.Bad.pace: a union field must be optional, [\"null\", T], but is"
                        + " [\"null\",\"double\",\"int\"]",
                "io.stride.schemas.test.Bad.undocumented: field has no doc");
        assertThat(enumViolations).containsExactly(
                "io.stride.schemas.test.Kind: enum declares no default symbol (readers need one for symbols added"
                        + " later)");
    }

    @Test
    void shouldReportNothingWhenSchemaFollowsStyle() {
        // given
        Schema good = new Schema.Parser().parse("""
                {"type": "record", "name": "Good", "namespace": "io.stride.schemas.test", "doc": "Fine.",
                 "fields": [
                  {"name": "userId", "type": {"type": "string", "logicalType": "uuid"}, "doc": "Athlete."},
                  {"name": "goalId", "type": ["null", {"type": "string", "logicalType": "uuid"}], "default": null,
                   "doc": "Optional id."},
                  {"name": "recordedAt", "type": {"type": "long", "logicalType": "timestamp-millis"}, "doc": "When."},
                  {"name": "deviceId", "type": "string", "doc": "Device's own id."}
                ]}
                """);

        // when
        List<String> violations = SchemaStyle.violations(good);

        // then
        assertThat(violations).isEmpty();
    }
}
