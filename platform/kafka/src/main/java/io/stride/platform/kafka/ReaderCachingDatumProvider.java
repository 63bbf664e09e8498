package io.stride.platform.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;

/**
 * Apicurio's datum provider with the reader looked up by the writer schema's identity. The default provider computes
 * the schema's parsing fingerprint (normalising the whole schema to a string) on every record it reads — a quarter
 * of live-workout's CPU when measured with one record per sample. {@link RegistrySerdes} configures it for every
 * serde. The registry client hands out one {@link Schema} instance per
 * schema id, so an identity lookup hits; a schema seen for the first time falls back to the default provider.
 * Bounded: beyond {@link #MAX_SCHEMAS} instances the cache starts again.
 */
public class ReaderCachingDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    static final int MAX_SCHEMAS = 256;

    private final Map<Identity, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        Identity key = new Identity(schema);
        DatumReader<T> reader = readers.get(key);
        if (reader == null) {
            reader = newReader(schema);
            if (readers.size() >= MAX_SCHEMAS) {
                readers.clear();
            }
            readers.put(key, reader);
        }
        return reader;
    }

    /** A reader for a schema instance not cached: the default provider's (which fingerprints the schema). */
    protected DatumReader<T> newReader(Schema schema) {
        return super.createDatumReader(schema);
    }

    /** A schema compared by identity (Schema's equals and hashCode walk the whole schema). */
    private record Identity(Schema schema) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }
}
