package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class AvroArtifactTest {

    private static final Schema SPORT = SchemaBuilder.enumeration("Sport").namespace("t.common")
            .symbols("RUN", "RIDE");
    private static final Schema POINT = SchemaBuilder.record("Point").namespace("t.common").fields()
            .requiredDouble("lat")
            .requiredDouble("lon")
            .endRecord();
    private static final Schema DATA = SchemaBuilder.record("StartedData").namespace("t.workout.data").fields()
            .name("sport").type(SPORT).noDefault()
            .name("start").type().optional().type(POINT)
            .endRecord();
    private static final Schema EVENT = SchemaBuilder.record("Started").namespace("t.workout").fields()
            .requiredString("id")
            .name("data").type(DATA).noDefault()
            .name("track").type().array().items(POINT).noDefault()
            .endRecord();

    @Test
    void shouldUseNamespaceAndSimpleNameWhenRecordIsTopLevel() {
        // when
        AvroArtifact artifact = AvroArtifact.ofRecord(EVENT);

        // then
        assertThat(artifact.groupId()).isEqualTo("t.workout");
        assertThat(artifact.artifactId()).isEqualTo("Started");
    }

    @Test
    void shouldReferenceNamedTypesByFullNameWhenRecordUsesThem() {
        // when
        AvroArtifact artifact = AvroArtifact.ofRecord(EVENT);

        // then
        assertThat(artifact.references()).extracting(AvroArtifact::groupId, AvroArtifact::artifactId)
                .containsExactly(
                        tuple("t.workout.data", "t.workout.data.StartedData"),
                        tuple("t.common", "t.common.Point"));
        AvroArtifact data = artifact.references().getFirst();
        assertThat(data.references()).extracting(AvroArtifact::artifactId)
                .containsExactly("t.common.Sport", "t.common.Point");
    }

    @Test
    void shouldWriteReferencedTypesByNameOnlyWhenRenderingContent() throws Exception {
        // when
        AvroArtifact artifact = AvroArtifact.ofRecord(EVENT);

        // then
        assertThat(artifact.content())
                .contains("\"type\":\"t.workout.data.StartedData\"")
                .contains("\"items\":\"t.common.Point\"")
                .doesNotContain("\"lat\"");
        Schema parsed = new Schema.Parser().addTypes(List.of(DATA, POINT)).parse(artifact.content());
        assertThat(parsed).isEqualTo(EVENT);
    }

    @Test
    void shouldRenderEnumOnItsOwnWhenReferenced() {
        // when
        AvroArtifact sport = AvroArtifact.ofRecord(EVENT).references().getFirst().references().getFirst();

        // then
        assertThat(sport.content()).isEqualTo(SPORT.toString());
        assertThat(sport.references()).isEmpty();
    }
}
