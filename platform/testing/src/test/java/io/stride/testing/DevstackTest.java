package io.stride.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevstackTest {

    private static final Path FIXTURE = Path.of("src/test/resources/devstack-fixture.properties");

    @Test
    void shouldReadEveryKeyInOrderWhenFileIsComplete() {
        // when
        var addresses = Devstack.read(FIXTURE);

        // then
        assertThat(addresses.keySet()).containsExactlyElementsOf(Devstack.KEYS);
        assertThat(addresses).containsEntry(Devstack.POSTGRES_JDBC_URL, "jdbc:postgresql://127.0.0.1:25432/stride")
                .containsEntry(Devstack.MONGODB_CONNECTION_STRING, "mongodb://127.0.0.1:27017");
    }

    @Test
    void shouldNameTheMissingKeyWhenFileIsIncomplete(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("devstack.properties");
        Files.writeString(file, Files.readString(FIXTURE).replaceAll("(?m)^REDIS_URL=.*\\n", ""));

        // when / then
        assertThatThrownBy(() -> Devstack.read(file)).hasMessageEndingWith("has no REDIS_URL");
    }

    @Test
    void shouldPreferSystemPropertyWhenBothNameExistingFiles(@TempDir Path dir) throws Exception {
        // given
        Path fromProperty = Files.writeString(dir.resolve("a.properties"), "");
        Path fromEnvironment = Files.writeString(dir.resolve("b.properties"), "");

        // when / then
        assertThat(Devstack.givenFile(fromProperty.toString(), fromEnvironment.toString())).contains(fromProperty);
        assertThat(Devstack.givenFile(null, fromEnvironment.toString())).contains(fromEnvironment);
    }

    @Test
    void shouldStartOwnDevstackWhenNamedFileDoesNotExist(@TempDir Path dir) {
        assertThat(Devstack.givenFile(dir.resolve("gone.properties").toString(), "")).isEmpty();
        assertThat(Devstack.givenFile(null, null)).isEmpty();
    }

    @Test
    void shouldFindRepositoryRootWhenStartingInAModule(@TempDir Path dir) throws Exception {
        // given
        Files.writeString(dir.resolve("stride"), "#!/bin/sh\n");
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path module = Files.createDirectories(dir.resolve("query-services/live-tracking"));

        // when / then
        assertThat(DevstackProcess.repositoryRoot(module)).contains(dir.toAbsolutePath().normalize());
    }
}
