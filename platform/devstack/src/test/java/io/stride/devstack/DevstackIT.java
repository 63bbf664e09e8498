package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import redis.clients.jedis.Jedis;

import io.stride.schemas.TopicSpec;
import io.stride.schemas.Topics;

/**
 * Starts the real devstack with random ports in a temporary directory (server installations shared with the checkout's
 * {@code .devstack/install}), checks that every server answers a client, then stops it and checks that no process
 * survives.
 */
class DevstackIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldServeEveryServerAndLeaveNoProcessWhenStartedAndStopped(@TempDir Path dir) throws Exception {
        // given
        DevstackOptions options = new DevstackOptions(dir, SharedInstall.dir(), true, true, false);
        Stack stack = new Stack(options, new Progress(new PrintStream(System.out, true)));
        Map<String, String> addresses;
        List<ProcessHandle> processes = new ArrayList<>();
        try {
            // when
            addresses = stack.start();
            stack.servers().stream()
                    .filter(server -> !server.inProcess())
                    .forEach(server -> processes.add(ProcessHandle.of(server.pid().orElseThrow()).orElseThrow()));

            // then
            assertThat(Files.readString(stack.layout().addressesFile())).isEqualTo(Addresses.render(addresses));
            assertKafkaHasTheCatalogue(addresses.get(Addresses.KAFKA_BOOTSTRAP_SERVERS));
            assertApicurioHoldsTheSchemasTheSerdeUses(addresses.get(Addresses.APICURIO_REGISTRY_URL));
            assertPostgresAcceptsTheStrideRole(addresses);
            assertRedisAnswersPing(addresses.get(Addresses.REDIS_URL));
            assertMongoStandInAnswers(addresses.get(Addresses.MONGODB_CONNECTION_STRING));
            assertClickHouseStandInAnswers(addresses);
        } finally {
            stack.close();
        }

        // then
        assertThat(stack.layout().addressesFile()).doesNotExist();
        assertThat(processes).hasSize(5);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(processes).noneMatch(ProcessHandle::isAlive);
            assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        });
        stack.ports().byServer().values().forEach(port -> assertThat(KafkaBroker.portOpen(port)).isFalse());
    }

    private static void assertKafkaHasTheCatalogue(String bootstrapServers) throws Exception {
        try (Admin admin = KafkaBroker.admin(bootstrapServers)) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(names).containsAll(Topics.catalogue().stream().map(TopicSpec::name).toList());
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            Topics.catalogue().forEach(spec ->
                    assertThat(topics.get(spec.name()).partitions()).hasSize(spec.partitions()));
        }
    }

    /**
     * Serializes one record of every catalogue schema with the apps' serde (RecordIdStrategy, auto-registration on)
     * and checks it found the devstack's registrations: every artifact still has exactly one version.
     */
    private void assertApicurioHoldsTheSchemasTheSerdeUses(String apiUrl) throws Exception {
        JsonNode rule = get(apiUrl + "/admin/rules/COMPATIBILITY");
        assertThat(rule.path("config").asText()).isEqualTo("BACKWARD_TRANSITIVE");

        // prod-like: auto-registration off, latest version by group/artifact id. (Without find-latest the serde looks
        // schemas up by content hash, which Apicurio 3.3 never matches for schemas with references: #6547.)
        serializeEveryCatalogueSchema(apiUrl, false);
        // dev/test profile: auto-registration on, the serde must find the devstack's versions, not add new ones
        serializeEveryCatalogueSchema(apiUrl, true);

        JsonNode artifacts = get(apiUrl + "/search/artifacts?limit=500").path("artifacts");
        assertThat(artifacts).hasSizeGreaterThanOrEqualTo(Stack.catalogueSchemas().size());
        Map<String, String> withMoreVersions = new java.util.TreeMap<>();
        for (JsonNode artifact : artifacts) {
            String artifactUrl = apiUrl + "/groups/" + artifact.path("groupId").asText() + "/artifacts/"
                    + artifact.path("artifactId").asText();
            JsonNode versions = get(artifactUrl + "/versions");
            if (versions.path("count").asInt() != 1) {
                StringBuilder contents = new StringBuilder();
                for (JsonNode version : versions.path("versions")) {
                    String url = artifactUrl + "/versions/" + version.path("version").asText();
                    contents.append("\n  v").append(version.path("version").asText()).append(": ")
                            .append(getText(url + "/content")).append(" references ")
                            .append(getText(url + "/references"));
                }
                withMoreVersions.put(artifact.path("groupId").asText() + "/" + artifact.path("artifactId").asText(),
                        contents.toString());
            }
        }
        assertThat(withMoreVersions).as("artifacts the serializer added a version to").isEmpty();
        for (Schema schema : Stack.catalogueSchemas()) {
            assertThat(artifacts).anyMatch(artifact -> artifact.path("groupId").asText().equals(schema.getNamespace())
                    && artifact.path("artifactId").asText().equals(schema.getName()));
        }
    }

    private static void serializeEveryCatalogueSchema(String apiUrl, boolean autoRegister) {
        Map<String, Object> config = new HashMap<>();
        config.put("apicurio.registry.url", apiUrl);
        config.put("apicurio.registry.auto-register", Boolean.toString(autoRegister));
        config.put("apicurio.registry.find-latest", Boolean.toString(!autoRegister));
        config.put("apicurio.registry.artifact-resolver-strategy", RecordIdStrategy.class.getName());
        try (AvroKafkaSerializer<GenericRecord> serializer = new AvroKafkaSerializer<>()) {
            serializer.configure(config, false);
            for (Schema schema : Stack.catalogueSchemas()) {
                assertThat(serializer.serialize("devstack-it", (GenericRecord) sample(schema)))
                        .as("%s serialized with auto-register=%s", schema.getFullName(), autoRegister)
                        .isNotEmpty();
            }
        }
    }

    private String getText(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** A valid value of any schema: nulls for optional fields, zeros, first enum symbols, empty collections. */
    private static Object sample(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                schema.getFields().forEach(field -> record.put(field.name(), sample(field.schema())));
                yield record;
            }
            case UNION -> schema.getTypes().stream().anyMatch(type -> type.getType() == Schema.Type.NULL)
                    ? null
                    : sample(schema.getTypes().getFirst());
            case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().getFirst());
            case STRING -> UUID.randomUUID().toString();
            case LONG -> 0L;
            case INT -> 0;
            case DOUBLE -> 0.0;
            case FLOAT -> 0.0f;
            case BOOLEAN -> false;
            case BYTES -> ByteBuffer.allocate(0);
            case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
            case ARRAY -> List.of();
            case MAP -> Map.of();
            case NULL -> null;
        };
    }

    private static void assertPostgresAcceptsTheStrideRole(Map<String, String> addresses) throws Exception {
        try (Connection connection = DriverManager.getConnection(addresses.get(Addresses.POSTGRES_JDBC_URL),
                addresses.get(Addresses.POSTGRES_USER), addresses.get(Addresses.POSTGRES_PASSWORD));
             ResultSet row = connection.createStatement().executeQuery("SELECT current_database(), current_user")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("stride");
            assertThat(row.getString(2)).isEqualTo("stride");
        }
    }

    private static void assertRedisAnswersPing(String redisUrl) {
        try (Jedis jedis = new Jedis(URI.create(redisUrl))) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
    }

    /** The apps' driver through the JDBC URL of the addresses file; ClickHouseStandInIT covers the rest. */
    private void assertClickHouseStandInAnswers(Map<String, String> addresses) throws Exception {
        URI pingUri = URI.create(addresses.get(Addresses.CLICKHOUSE_URL) + "/ping");
        HttpResponse<String> ping = http.send(HttpRequest.newBuilder(pingUri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ping.body()).isEqualTo("Ok.\n");
        com.clickhouse.jdbc.Driver.load();
        try (Connection connection = DriverManager.getConnection(addresses.get(Addresses.CLICKHOUSE_JDBC_URL),
                "default", "");
             ResultSet row = connection.createStatement().executeQuery("SELECT version(), currentDatabase()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).startsWith("26.");
            assertThat(row.getString(2)).isEqualTo("default");
        }
    }

    private static void assertMongoStandInAnswers(String connectionString) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok"))
                    .isIn(1, 1.0);
            MongoCollection<Document> collection = client.getDatabase("devstack-it").getCollection("probe");
            collection.insertOne(new Document("_id", "probe").append("value", 42));
            assertThat(collection.find(new Document("_id", "probe")).first()).containsEntry("value", 42);
        }
    }
}
