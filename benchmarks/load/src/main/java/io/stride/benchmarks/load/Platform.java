package io.stride.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The platform under test: the addresses its devstack wrote, the gateway's URL, and what {@code ./stride bench} knows
 * of the run (its context file): which commit runs, whether its data was fresh, the CPU limit, the command, and the
 * pid of each platform process ({@code pid.<name>=<pid>}). The gateway is the live-tracking scenario's entry; the
 * workouts scenario reads the other servers' addresses ({@link #address}).
 */
record Platform(String gateway, String bootstrap, String registryUrl, Path kekLocation, Map<String, String> facts,
        Map<String, Long> pids, Properties addresses) {

    static Platform read(Options options) throws IOException {
        return read(options.gateway(), options.devstack(), options.context());
    }

    static Platform read(String gateway, Path devstack, Optional<Path> contextFile) throws IOException {
        Properties addresses = load(devstack);
        Properties context = contextFile.isPresent() ? load(contextFile.get()) : new Properties();
        Map<String, String> facts = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        context.stringPropertyNames().stream().sorted().forEach(key -> {
            if (key.startsWith("pid.")) {
                pids.put(key.substring("pid.".length()), Long.parseLong(context.getProperty(key).trim()));
            } else {
                facts.put(key, context.getProperty(key));
            }
        });
        return new Platform(gateway, required(addresses, "KAFKA_BOOTSTRAP_SERVERS"),
                required(addresses, "APICURIO_REGISTRY_URL"), Path.of(required(addresses, "TELEMETRY_KEK_LOCATION")),
                facts, pids, addresses);
    }

    /** A server's address from the devstack's file, e.g. {@code POSTGRES_HOST}, {@code REDIS_URL}. */
    String address(String key) {
        return required(addresses, key);
    }

    /** A fact of the run, e.g. {@code commit}, {@code cpus}, {@code fresh}, {@code command}. */
    Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name)).filter(value -> !value.isBlank());
    }

    /** The gateway's producer settings (its application.properties): what the raw ceiling and direct runs use. */
    Map<String, Object> gatewayProducerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        return config;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static String required(Properties addresses, String key) {
        String value = addresses.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the devstack's addresses file has no " + key);
        }
        return value;
    }
}
