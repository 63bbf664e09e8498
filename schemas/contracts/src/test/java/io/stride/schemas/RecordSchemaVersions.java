package io.stride.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.Schema;

/**
 * Records the current schema of every registered record whose schema changed as its next history version
 * ({@code src/history/<full.record.Name>/v<N+1>.avsc}), and the first version of a new record. Nothing is written
 * if any changed schema cannot read every committed version (BACKWARD_TRANSITIVE): a breaking change is a new
 * record on a new topic plus an ADR (STYLE §8), never a new version.
 *
 * <p>Run from the repository root after editing an {@code .avsc}:
 * <pre>
 * ./mvnw -B -pl schemas/contracts test-compile exec:java
 * ./mvnw -B -pl schemas/contracts test-compile exec:java -Dexec.args="io.stride.schemas.telemetry.TelemetrySample"
 * </pre>
 * then commit the new files with the schema change; {@code SchemaHistoryTest} fails the build until they exist.
 */
public final class RecordSchemaVersions {

    private RecordSchemaVersions() {
    }

    /**
     * Records new versions.
     *
     * @param args full names of the records to consider; none means every registered record
     */
    public static void main(String[] args) {
        List<String> report = run(SchemaHistory.ofModule(), RegisteredRecords.currentSchemas(), Set.of(args));
        report.forEach(System.out::println);
    }

    /**
     * Writes the next version of every record of {@code current} (restricted to {@code only} unless empty) whose
     * schema is not its newest committed version, and returns one line per record saying what happened.
     *
     * @throws IllegalStateException naming every incompatibility if any changed schema breaks its history, or if
     *                               {@code only} names an unknown record; nothing is written then
     */
    static List<String> run(SchemaHistory history, Map<String, Schema> current, Set<String> only) {
        var unknown = new TreeSet<>(only);
        unknown.removeAll(current.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("unknown records " + unknown + "; registered records are "
                    + current.keySet());
        }
        var report = new ArrayList<String>();
        var toRecord = new ArrayList<String>();
        var refusals = new ArrayList<String>();
        for (var entry : current.entrySet()) {
            String record = entry.getKey();
            if (!only.isEmpty() && !only.contains(record)) {
                continue;
            }
            List<SchemaHistory.Version> versions = history.versions(record);
            if (history.isRecorded(record, entry.getValue())) {
                report.add("unchanged " + record + " (v" + versions.size() + ")");
                continue;
            }
            List<String> problems = BackwardTransitiveCheck.incompatibilities(record, entry.getValue(), versions);
            if (problems.isEmpty()) {
                toRecord.add(record);
            } else {
                refusals.addAll(problems);
            }
        }
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("nothing recorded: these schema changes are not BACKWARD_TRANSITIVE"
                    + " compatible. Add fields as optional with a default instead; a breaking change is a new"
                    + " record on a new topic plus an ADR.\n  " + String.join("\n  ", refusals));
        }
        for (String record : toRecord) {
            var file = history.recordNext(record, current.get(record));
            report.add("recorded " + record + " " + file.getFileName().toString().replace(".avsc", "")
                    + " -> " + file);
        }
        return report;
    }
}
