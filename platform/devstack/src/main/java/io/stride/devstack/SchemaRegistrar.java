package io.stride.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Registers the contracts' Avro schemas in Apicurio Registry through its v3 REST API, under the ids the apps' serde
 * computes ({@link AvroArtifact}), and sets the global rule COMPATIBILITY=BACKWARD_TRANSITIVE. Idempotent:
 * {@code ifExists=FIND_OR_CREATE_VERSION} returns the existing version when the content is unchanged.
 */
final class SchemaRegistrar {

    static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Where a registered version is. */
    record Version(String groupId, String artifactId, String version, long globalId) {
    }

    /** What registration did. */
    record Outcome(int records, int artifacts) {
    }

    private final String apiUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Version> registered = new HashMap<>();

    SchemaRegistrar(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** Sets (or resets) the global compatibility rule. */
    void ensureGlobalCompatibilityRule() throws IOException, InterruptedException {
        ObjectNode rule = json.createObjectNode().put("ruleType", "COMPATIBILITY").put("config", COMPATIBILITY);
        HttpResponse<String> created = send("POST", "/admin/rules", rule);
        if (created.statusCode() == 409) {
            expect(send("PUT", "/admin/rules/COMPATIBILITY", rule), "update the global compatibility rule");
        } else {
            expect(created, "create the global compatibility rule");
        }
    }

    /** Registers every record (and the named types they use). */
    Outcome registerAll(List<Schema> records) throws IOException, InterruptedException {
        for (Schema record : records) {
            register(AvroArtifact.ofRecord(record));
        }
        return new Outcome(records.size(), registered.size());
    }

    private Version register(AvroArtifact artifact) throws IOException, InterruptedException {
        Set<SerdeReference> inSerdeOrder = new HashSet<>();
        for (AvroArtifact reference : artifact.references()) {
            Version version = register(reference);
            inSerdeOrder.add(new SerdeReference(reference.referenceName(), version.groupId(), version.artifactId(),
                    version.version()));
        }
        ArrayNode references = json.createArrayNode();
        for (SerdeReference reference : inSerdeOrder) {
            references.addObject()
                    .put("groupId", reference.groupId())
                    .put("artifactId", reference.artifactId())
                    .put("version", reference.version())
                    .put("name", reference.name());
        }
        String key = artifact.groupId() + "/" + artifact.artifactId() + "/" + artifact.content() + references;
        Version known = registered.get(key);
        if (known != null) {
            return known;
        }
        ObjectNode body = json.createObjectNode()
                .put("artifactId", artifact.artifactId())
                .put("artifactType", "AVRO");
        ObjectNode content = body.putObject("firstVersion").putObject("content")
                .put("content", artifact.content())
                .put("contentType", "application/json");
        if (!references.isEmpty()) {
            content.set("references", references);
        }
        String path = "/groups/" + encode(artifact.groupId()) + "/artifacts?ifExists=FIND_OR_CREATE_VERSION";
        HttpResponse<String> response = send("POST", path, body);
        expect(response, "register " + artifact.groupId() + "/" + artifact.artifactId());
        JsonNode version = json.readTree(response.body()).path("version");
        Version result = new Version(version.path("groupId").asText(artifact.groupId()),
                version.path("artifactId").asText(artifact.artifactId()),
                version.path("version").asText(), version.path("globalId").asLong());
        registered.put(key, result);
        return result;
    }

    private HttpResponse<String> send(String method, String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Apicurio could not " + what + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    /**
     * A reference as apicurio-registry-serde 3.1's resolver sends it when it registers a schema: it collects the
     * references into a {@code HashSet} of {@code RegistryArtifactReference}, whose Lombok {@code hashCode} covers
     * name, group, artifact id and version in that order, and sends them in the set's iteration order. The registry
     * compares references in order, so an artifact naming two or more types must list them the same way or the
     * serializer's auto-registration adds a version ({@code DevstackIT} checks that it adds none).
     */
    private record SerdeReference(String name, String groupId, String artifactId, String version) {

        @Override
        public int hashCode() {
            int result = 1;
            result = result * 59 + hash(name);
            result = result * 59 + hash(groupId);
            result = result * 59 + hash(artifactId);
            return result * 59 + hash(version);
        }

        private static int hash(String value) {
            return value == null ? 43 : value.hashCode();
        }
    }
}
