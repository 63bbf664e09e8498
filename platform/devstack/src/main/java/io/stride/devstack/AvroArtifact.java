package io.stride.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.Schema;

/**
 * One Avro schema as the apps' Apicurio serializer registers it, so that the devstack registers exactly the same
 * artifacts (same ids, same content, same references) and auto-registration in dev/test finds them instead of adding
 * versions.
 *
 * <p>Apicurio's serde 3.x with {@code io.apicurio.registry.serde.avro.strategy.RecordIdStrategy} and
 * {@code apicurio.registry.dereference-schema=false} (the default):
 * <ul>
 *   <li>a record is registered in group = its namespace, artifact id = its simple name;</li>
 *   <li>each named type it uses (record or enum, in a field, union, array or map) is registered first, as its own
 *       artifact in group = that type's namespace, artifact id = that type's full name, and referenced by its
 *       full name;</li>
 *   <li>the content of each artifact is {@code schema.toString(referencedSchemas, false)}: referenced types appear
 *       by name only (an enum is plain {@code schema.toString()}).</li>
 * </ul>
 * This mirrors {@code AvroSchemaParser.getSchemaFromData} and {@code DefaultSchemaResolver} of
 * apicurio-registry-serde 3.1; {@code DevstackIT} checks it against the real serializer.
 *
 * @param schema     the Avro schema
 * @param groupId    Apicurio group
 * @param artifactId Apicurio artifact id
 * @param content    the exact content registered
 * @param references named types registered before this one and referenced by their full name
 */
record AvroArtifact(Schema schema, String groupId, String artifactId, String content, List<AvroArtifact> references) {

    /** Apicurio's group when a schema has no namespace. */
    static final String DEFAULT_GROUP = "default";

    /** The artifact of a record written to a topic (the top level of a message). */
    static AvroArtifact ofRecord(Schema schema) {
        List<AvroArtifact> references = distinct(referencesOf(schema));
        return new AvroArtifact(schema, group(schema), schema.getName(), schema.toString(schemas(references), false),
                references);
    }

    /** The name other artifacts use to reference this one. */
    String referenceName() {
        return schema.getFullName();
    }

    private static String group(Schema schema) {
        return schema.getNamespace() == null ? DEFAULT_GROUP : schema.getNamespace();
    }

    private static AvroArtifact referenced(Schema schema, List<AvroArtifact> references) {
        List<AvroArtifact> distinct = distinct(references);
        String content = schema.getType() == Schema.Type.ENUM
                ? schema.toString()
                : schema.toString(schemas(distinct), false);
        return new AvroArtifact(schema, group(schema), schema.getFullName(), content, distinct);
    }

    private static List<AvroArtifact> referencesOf(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> referencesOfFields(schema);
            case UNION -> schema.getTypes().stream().flatMap(type -> complex(type).stream()).toList();
            case ENUM -> List.of(referenced(schema, List.of()));
            case MAP -> complex(schema.getValueType());
            case ARRAY -> complex(schema.getElementType());
            default -> List.of();
        };
    }

    private static List<AvroArtifact> referencesOfFields(Schema record) {
        List<AvroArtifact> references = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            Schema type = field.schema();
            switch (type.getType()) {
                case RECORD -> references.add(referenced(type, referencesOf(type)));
                case UNION, ARRAY, MAP -> references.addAll(referencesOf(type));
                case ENUM -> references.add(referenced(type, List.of()));
                default -> {
                    // primitives reference nothing
                }
            }
        }
        return references;
    }

    /** A named type inside a union, array or map (nested containers there are not followed, as in the serde). */
    private static List<AvroArtifact> complex(Schema type) {
        return switch (type.getType()) {
            case ENUM -> List.of(referenced(type, List.of()));
            case RECORD -> List.of(referenced(type, referencesOf(type)));
            default -> List.of();
        };
    }

    private static List<AvroArtifact> distinct(List<AvroArtifact> references) {
        Map<String, AvroArtifact> byName = new LinkedHashMap<>();
        references.forEach(reference -> byName.putIfAbsent(reference.referenceName(), reference));
        return List.copyOf(byName.values());
    }

    private static Set<Schema> schemas(List<AvroArtifact> references) {
        return references.stream().map(AvroArtifact::schema).collect(Collectors.toSet());
    }
}
