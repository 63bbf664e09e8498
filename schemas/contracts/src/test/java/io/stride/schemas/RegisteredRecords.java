package io.stride.schemas;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The records that are registered in the schema registry on their own, and so need a recorded history: every
 * value record of the {@link Topics} catalogue, plus every record whose {@code .avsc} sits directly in a domain
 * folder (a future topic value that is not in the catalogue yet is covered too).
 */
final class RegisteredRecords {

    private RegisteredRecords() {
    }

    /** Full names of the registered records, sorted. */
    static TreeSet<String> names(Path avroRoot) {
        var names = new TreeSet<String>();
        for (TopicSpec topic : Topics.catalogue()) {
            names.addAll(topic.valueSchemas());
        }
        for (AvroSources.SourceSchema source : AvroSources.parse(avroRoot)) {
            if (source.topLevel()) {
                names.add(source.schema().getFullName());
            }
        }
        return names;
    }

    /** The current schema of every registered record, as its generated class registers it, by full name. */
    static SortedMap<String, Schema> currentSchemas(Path avroRoot) {
        var schemas = new TreeMap<String, Schema>();
        for (String name : names(avroRoot)) {
            schemas.put(name, currentSchema(name));
        }
        return Collections.unmodifiableSortedMap(schemas);
    }

    /**
     * The schema of the generated class {@code fullName} ({@code SCHEMA$}): fully resolved, and exactly what the
     * registry serde registers for it.
     */
    static Schema currentSchema(String fullName) {
        Class<? extends SpecificRecord> type = generatedClass(fullName);
        return SpecificData.get().getSchema(type);
    }

    /** The generated class of record {@code fullName}. */
    static Class<? extends SpecificRecord> generatedClass(String fullName) {
        Class<?> type;
        try {
            type = Class.forName(fullName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated class for record " + fullName
                    + ": is there a src/main/avro/<domain>/<Record>.avsc with that namespace and name?", e);
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalStateException(fullName + " is not a generated Avro record");
        }
        return type.asSubclass(SpecificRecord.class);
    }

    /** Convenience for the map view used by the history tool. */
    static Map<String, Schema> currentSchemas() {
        return currentSchemas(AvroSources.root());
    }
}
