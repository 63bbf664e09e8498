package io.stride.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * BACKWARD_TRANSITIVE, decided by Avro's own resolution rules ({@link SchemaCompatibility}): the candidate schema,
 * as a reader, must read data written with every committed version of the record, not only the newest.
 */
final class BackwardTransitiveCheck {

    private BackwardTransitiveCheck() {
    }

    /**
     * Why {@code candidate} cannot read data written with some of {@code history}: one message per incompatible
     * version, naming the record, the version and Avro's description of each incompatibility. Empty when the
     * candidate is compatible with all of them.
     */
    static List<String> incompatibilities(String record, Schema candidate, List<SchemaHistory.Version> history) {
        var problems = new ArrayList<String>();
        for (SchemaHistory.Version version : history) {
            SchemaPairCompatibility pair =
                    SchemaCompatibility.checkReaderWriterCompatibility(candidate, version.schema());
            if (pair.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(record + ": the current schema cannot read data written with v" + version.version()
                        + " (" + version.file() + "): " + describe(pair));
            }
        }
        return problems;
    }

    private static String describe(SchemaPairCompatibility pair) {
        var incompatibilities = pair.getResult().getIncompatibilities();
        if (incompatibilities.isEmpty()) {
            return pair.getDescription();
        }
        return incompatibilities.stream()
                .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .collect(Collectors.joining("; "));
    }
}
