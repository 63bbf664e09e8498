package io.stride.schemas;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * The schema rules of STYLE §8 that a machine can check on one named type: {@code doc} on every record, enum and
 * field; optional fields are {@code ["null", T]} with {@code "default": null}; enums declare a default symbol;
 * ids (fields named {@code id} or ending in {@code Id}, except {@code deviceId}, a device's own string id) are
 * {@code string} with logical type {@code uuid}; timestamps (fields named {@code timestamp} or ending in
 * {@code At} or {@code Time}) are {@code long} with logical type {@code timestamp-millis}.
 */
final class SchemaStyle {

    /** The one id field that is not a uuid: wearables name themselves. */
    static final String DEVICE_ID = "deviceId";

    private SchemaStyle() {
    }

    /** What {@code type} breaks, one message per rule and field; empty when it follows the style. */
    static List<String> violations(Schema type) {
        var violations = new ArrayList<String>();
        String name = type.getFullName();
        if (isBlank(type.getDoc()) && type.getType() != Schema.Type.UNION) {
            violations.add(name + ": " + type.getType().getName() + " has no doc");
        }
        if (type.getType() == Schema.Type.ENUM && type.getEnumDefault() == null) {
            violations.add(name + ": enum declares no default symbol (readers need one for symbols added later)");
        }
        if (type.getType() == Schema.Type.RECORD) {
            for (Schema.Field field : type.getFields()) {
                violations.addAll(fieldViolations(name + "." + field.name(), field));
            }
        }
        return violations;
    }

    private static List<String> fieldViolations(String where, Schema.Field field) {
        var violations = new ArrayList<String>();
        if (isBlank(field.doc())) {
            violations.add(where + ": field has no doc");
        }
        Schema value = field.schema();
        if (value.getType() == Schema.Type.UNION) {
            List<Schema> branches = value.getTypes();
            if (branches.size() != 2 || branches.getFirst().getType() != Schema.Type.NULL) {
                violations.add(where + ": a union field must be optional, [\"null\", T], but is " + value);
                return violations;
            }
            if (field.defaultVal() != JsonProperties.NULL_VALUE) {
                violations.add(where + ": optional field must declare \"default\": null");
            }
            value = branches.get(1);
        }
        if (isId(field.name()) && !(value.getType() == Schema.Type.STRING && hasLogicalType(value, "uuid"))) {
            violations.add(where + ": id must be {\"type\": \"string\", \"logicalType\": \"uuid\"} but is " + value);
        }
        if (isTimestamp(field.name())
                && !(value.getType() == Schema.Type.LONG && hasLogicalType(value, "timestamp-millis"))) {
            violations.add(where + ": timestamp must be {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}"
                    + " but is " + value);
        }
        return violations;
    }

    static boolean isId(String fieldName) {
        return (fieldName.equals("id") || fieldName.endsWith("Id")) && !fieldName.equals(DEVICE_ID);
    }

    static boolean isTimestamp(String fieldName) {
        return fieldName.equals("timestamp") || fieldName.endsWith("At") || fieldName.endsWith("Time");
    }

    private static boolean hasLogicalType(Schema schema, String logicalType) {
        LogicalType actual = schema.getLogicalType();
        return actual != null && actual.getName().equals(logicalType);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
