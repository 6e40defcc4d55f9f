package org.vetted.contract.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * The bytes a signature covers: every field of a record, by name and in schema order, with nested records, lists and
 * enums written out, each value length-prefixed so no text can move from one field to another. Nothing is left
 * out by a hand-kept list, so a field added later is covered as soon as it exists.
 * <p>
 * A field whose value equals its schema default is left out. That keeps signatures valid across schema versions:
 * a record signed before a field was added decodes with the field at its default, and reads the same as the
 * signer wrote it. (So a new field's default must mean "nothing": the evolution rules say so already.)
 * Not Avro's binary encoding, which depends on the reader's schema.
 */
final class CanonicalForm {

    /** {@code purpose}, then the record without the fields named in {@code without} (its own signature fields). */
    static byte[] of(String purpose, IndexedRecord record, Collection<String> without) {
        StringBuilder out = new StringBuilder();
        text(out, purpose);
        record(out, record, without);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void record(StringBuilder out, IndexedRecord record, Collection<String> without) {
        out.append('{').append(record.getSchema().getFullName()).append('\n');
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (without.contains(field.name()) || isDefault(field, value)) {
                continue;
            }
            text(out, field.name());
            value(out, value);
        }
        out.append("}\n");
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("-\n");
        } else if (value instanceof IndexedRecord nested) {
            record(out, nested, List.of());
        } else if (value instanceof List<?> items) {
            out.append('[').append(items.size()).append('\n');
            items.forEach(item -> value(out, item));
            out.append("]\n");
        } else if (value instanceof Instant instant) {
            text(out, "t" + instant.toEpochMilli());
        } else if (value instanceof Enum<?> symbol) {
            text(out, "e" + symbol.name());
        } else if (value instanceof GenericEnumSymbol<?> symbol) {
            text(out, "e" + symbol);
        } else if (value instanceof CharSequence chars) {
            text(out, "s" + chars);
        } else if (value instanceof Number || value instanceof Boolean) {
            text(out, "n" + value);
        } else {
            throw new IllegalArgumentException(
                    "no canonical form for " + value.getClass().getName());
        }
    }

    private static void text(StringBuilder out, String text) {
        out.append(text.length()).append(':').append(text).append('\n');
    }

    /** True when {@code value} is the field's schema default: null, an empty list, the default scalar or symbol. */
    static boolean isDefault(Schema.Field field, Object value) {
        if (!field.hasDefaultValue()) {
            return false;
        }
        Object fallback = field.defaultVal();
        if (fallback == JsonProperties.NULL_VALUE) {
            return value == null;
        }
        if (value == null) {
            return false;
        }
        if (fallback instanceof Collection<?> list) {
            return list.isEmpty() && value instanceof Collection<?> items && items.isEmpty();
        }
        if (fallback instanceof Map<?, ?>) {
            return false;
        }
        if (value instanceof Enum<?> symbol) {
            return symbol.name().equals(String.valueOf(fallback));
        }
        if (value instanceof Instant instant && fallback instanceof Number millis) {
            return instant.toEpochMilli() == millis.longValue();
        }
        if (value instanceof Number number && fallback instanceof Number other) {
            return number.toString().equals(other.toString());
        }
        return String.valueOf(value).equals(String.valueOf(fallback));
    }

    private CanonicalForm() {}
}
