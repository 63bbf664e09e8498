package io.stride.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import io.apicurio.registry.serde.config.SerdeConfig;

/**
 * Apicurio Registry Avro serdes configured the platform's one way: schemas are registered per record name
 * ({@link RecordIdStrategy}: group = namespace, artifact = record name), which lets one topic carry several event
 * types; values are read into the generated classes.
 *
 * <p>With auto-registration off (production, where the pipeline registers schemas) the serde uses the latest
 * registered version: lookup by content never matches a schema with references in Apicurio 3.3
 * (see {@code platform/devstack/README.md}). Readers are cached per writer schema ({@link ReaderCachingDatumProvider}).
 *
 * <p>The serde finds generated classes through Avro's global {@code SpecificData}; under {@code @QuarkusTest}'s
 * split class loading that sees the wrong loader, so apps using it set {@code quarkus.test.flat-class-path=true}.
 */
public final class RegistrySerdes {

    private RegistrySerdes() {
    }

    /**
     * A value serde for one record type.
     *
     * @param registryUrl  Apicurio Registry v3 API base URL
     * @param autoRegister register missing schemas (dev and test only)
     */
    public static <T extends SpecificRecord> Serde<T> forValues(String registryUrl, boolean autoRegister) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config(registryUrl, autoRegister), false);
        return serde;
    }

    /**
     * A value serializer for a producer: registered per record name like {@link #forValues}, without the reader
     * cache (a serializer never reads), so it works under any class loader that sees Apicurio.
     */
    public static <T extends SpecificRecord> Serializer<T> serializer(String registryUrl, boolean autoRegister) {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        Map<String, Object> config = new HashMap<>(config(registryUrl, autoRegister));
        config.remove(AvroSerdeConfig.AVRO_DATUM_PROVIDER);
        serializer.configure(config, false);
        return serializer;
    }

    /**
     * A value deserializer into generic records, described by the schema the writer registered (not by this build's
     * classes): for readers of topics whose records they only pick fields from.
     */
    public static Deserializer<GenericRecord> genericDeserializer(String registryUrl) {
        AvroKafkaDeserializer<GenericRecord> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.REGISTRY_URL, registryUrl, AvroSerdeConfig.USE_SPECIFIC_AVRO_READER,
                false), false);
        return deserializer;
    }

    /** The serde configuration, also usable for plain Kafka clients' serializers and deserializers. */
    public static Map<String, Object> config(String registryUrl, boolean autoRegister) {
        return Map.of(
                SerdeConfig.REGISTRY_URL, registryUrl,
                SerdeConfig.AUTO_REGISTER_ARTIFACT, autoRegister,
                SerdeConfig.FIND_LATEST_ARTIFACT, !autoRegister,
                SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName(),
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true,
                AvroSerdeConfig.AVRO_DATUM_PROVIDER, ReaderCachingDatumProvider.class.getName());
    }
}
