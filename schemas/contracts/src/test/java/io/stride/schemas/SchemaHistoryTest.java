package io.stride.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The build-time BACKWARD_TRANSITIVE gate: every registered record has a committed history in {@code src/history},
 * its newest version is the current schema, and the current schema reads data written with every version.
 */
class SchemaHistoryTest {

    private static final String HOW_TO_RECORD = "record the new version with"
            + " `./mvnw -B -pl schemas/contracts test-compile exec:java` (see schemas/contracts/README.md)";

    private final SchemaHistory history = SchemaHistory.ofModule();
    private final Map<String, Schema> current = RegisteredRecords.currentSchemas();

    @Test
    void shouldCoverEveryCatalogueRecordWhenRegisteredRecordsAreListed() {
        // given
        var catalogueRecords = Topics.catalogue().stream()
                .flatMap(topic -> topic.valueSchemas().stream())
                .toList();

        // when
        var registered = current.keySet();

        // then
        assertThat(registered).containsAll(catalogueRecords);
    }

    @Test
    void shouldHaveHistoryWhenRecordIsRegistered() {
        // given
        var missing = new ArrayList<String>();

        // when
        for (String record : current.keySet()) {
            if (history.versions(record).isEmpty()) {
                missing.add(record + " has no committed schema version (expected " + history.folder(record)
                        + "/v1.avsc)");
            }
        }

        // then
        failIfAny(missing);
    }

    @Test
    void shouldMatchNewestVersionWhenSchemaIsCurrent() {
        // given
        var unrecorded = new ArrayList<String>();

        // when
        for (var entry : current.entrySet()) {
            String record = entry.getKey();
            var latest = history.latest(record);
            if (latest.isPresent() && !history.isRecorded(record, entry.getValue())) {
                unrecorded.add(record + " differs from its newest committed version v" + latest.get().version()
                        + " (" + latest.get().file() + "): a schema change must be recorded as v"
                        + (latest.get().version() + 1));
            }
        }

        // then
        failIfAny(unrecorded);
    }

    @Test
    void shouldReadEveryCommittedVersionWhenCurrentSchemaIsReader() {
        // given
        var incompatibilities = new ArrayList<String>();

        // when
        for (var entry : current.entrySet()) {
            incompatibilities.addAll(BackwardTransitiveCheck.incompatibilities(
                    entry.getKey(), entry.getValue(), history.versions(entry.getKey())));
        }

        // then
        if (!incompatibilities.isEmpty()) {
            fail("schemas are not BACKWARD_TRANSITIVE compatible with their history; add fields as optional with a"
                    + " default instead (a breaking change is a new record on a new topic plus an ADR):\n  "
                    + String.join("\n  ", incompatibilities));
        }
    }

    @Test
    void shouldBelongToRegisteredRecordWhenHistoryFolderExists() {
        // given
        List<String> folders = history.recordedNames();

        // when
        var orphans = folders.stream()
                .filter(name -> !current.containsKey(name))
                .toList();

        // then
        assertThat(orphans)
                .as("history folders of records that are neither in the Topics catalogue nor top-level .avsc files"
                        + " (removing a registered record is a breaking change)")
                .isEmpty();
    }

    private static void failIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\n" + HOW_TO_RECORD);
        }
    }
}
