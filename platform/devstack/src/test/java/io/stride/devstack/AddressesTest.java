package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressesTest {

    private static final String DEV_FILE = """
            # Stride devstack addresses; written when every server is ready, deleted when it stops.
            KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092
            APICURIO_REGISTRY_URL=http://127.0.0.1:18081/apis/registry/v3
            POSTGRES_HOST=127.0.0.1
            POSTGRES_PORT=15432
            POSTGRES_DB=stride
            POSTGRES_USER=stride
            POSTGRES_PASSWORD=stride
            POSTGRES_REACTIVE_URL=postgresql://127.0.0.1:15432/stride
            POSTGRES_JDBC_URL=jdbc:postgresql://127.0.0.1:15432/stride
            REDIS_URL=redis://127.0.0.1:16379
            MONGODB_CONNECTION_STRING=mongodb://127.0.0.1:17017
            CLICKHOUSE_URL=http://127.0.0.1:18123
            CLICKHOUSE_JDBC_URL=jdbc:clickhouse:http://127.0.0.1:18123/default?compress=false
            MAIL_SMTP_HOST=127.0.0.1
            MAIL_SMTP_PORT=10025
            MAIL_SMTP_START_TLS=DISABLED
            MAIL_IMAP_PORT=10143
            TELEMETRY_KEK_LOCATION=/tmp/devstack/data/keys/telemetry-kek.json
            """;

    private static final Path KEK = Path.of("/tmp/devstack/data/keys/telemetry-kek.json");

    @Test
    void shouldRenderExactlyTheContractKeysWhenPortsAreTheDevPorts() {
        // when
        Map<String, String> addresses = Addresses.of(Ports.dev(), KEK);

        // then
        assertThat(addresses.keySet()).containsExactlyElementsOf(Addresses.KEYS);
        assertThat(Addresses.render(addresses)).isEqualTo(DEV_FILE);
    }

    @Test
    void shouldBeReadableAsJavaPropertiesWhenWritten(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve(Addresses.FILE_NAME);

        // when
        Addresses.write(file, Addresses.of(Ports.dev(), KEK));

        // then
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        assertThat(properties).hasSize(Addresses.KEYS.size())
                .containsEntry("POSTGRES_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/stride")
                .containsEntry("APICURIO_REGISTRY_URL", "http://127.0.0.1:18081/apis/registry/v3")
                .containsEntry("CLICKHOUSE_JDBC_URL", "jdbc:clickhouse:http://127.0.0.1:18123/default?compress=false");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void shouldExportEveryKeyWhenSourcedByBash(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve(Addresses.FILE_NAME);
        Addresses.write(file, Addresses.of(Ports.dev(), KEK));

        // when
        Process bash = new ProcessBuilder("bash", "-c",
                "set -eu -a; . \"$1\"; set +a; env | grep -E '^(KAFKA|APICURIO|POSTGRES|REDIS|MONGODB|CLICKHOUSE|MAIL|TELEMETRY)_' | sort",
                "bash", file.toString())
                .redirectErrorStream(true)
                .start();
        String exported = new String(bash.getInputStream().readAllBytes());

        // then
        assertThat(bash.waitFor()).isZero();
        assertThat(exported.lines().sorted()).containsExactlyElementsOf(
                DEV_FILE.lines().skip(1).sorted().toList());
    }

    @Test
    void shouldRefuseValueWhenItWouldBreakTheBashFormat() {
        assertThatThrownBy(() -> Addresses.render(Map.of("POSTGRES_PASSWORD", "two words")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
