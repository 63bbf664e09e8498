package io.stride.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.junit.jupiter.api.Test;

import io.stride.schemas.users.UserErased;

class ReaderCachingDatumProviderTest {

    /** Counts the readers the default provider is asked for (each one a fingerprint of the whole schema). */
    private final AtomicInteger created = new AtomicInteger();
    private final ReaderCachingDatumProvider<UserErased> provider = new ReaderCachingDatumProvider<>() {
        @Override
        protected DatumReader<UserErased> newReader(Schema schema) {
            created.incrementAndGet();
            return super.newReader(schema);
        }
    };

    @Test
    void shouldAskTheDefaultProviderOncePerSchemaInstanceWhenTheSameSchemaIsReadAgain() {
        // given: the instance the registry client hands out for a schema id, and an equal copy of it
        Schema schema = UserErased.getClassSchema();
        Schema copy = new Schema.Parser().parse(schema.toString());

        // when
        DatumReader<UserErased> first = provider.createDatumReader(schema);
        for (int i = 0; i < 1_000; i++) {
            assertThat(provider.createDatumReader(schema)).isSameAs(first);
        }
        provider.createDatumReader(copy);
        provider.createDatumReader(copy);

        // then
        assertThat(created).hasValue(2);
    }

    @Test
    void shouldStartAgainWhenMoreSchemaInstancesThanTheBoundAreSeen() {
        // given: a reader cached for one instance
        Schema schema = UserErased.getClassSchema();
        provider.createDatumReader(schema);

        // when: as many other instances as the cache holds
        for (int i = 0; i < ReaderCachingDatumProvider.MAX_SCHEMAS; i++) {
            provider.createDatumReader(new Schema.Parser().parse(schema.toString()));
        }
        provider.createDatumReader(schema);

        // then: the first one was dropped with the rest and asked for again
        assertThat(created).hasValue(ReaderCachingDatumProvider.MAX_SCHEMAS + 2);
    }
}
