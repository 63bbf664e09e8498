package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChdbLibraryTest {

    private static final Map<String, String> PACKAGE = Map.of(
            "package/package.json", "{\"name\": \"@chdb/lib-linux-x64-gnu\", \"version\": \"1.0.0\"}",
            "package/index.js", "module.exports = require('./chdb_node.node');",
            "package/chdb_node.node", "\u007fELF node addon",
            "package/libchdb.so", "\u007fELF the engine");

    @Test
    void shouldUnpackOnlyTheLibraryAndManifestWhenTheTarballHoldsThePackage(@TempDir Path dir) throws Exception {
        // given
        Path tarball = tarball(dir.resolve("chdb.tgz"), PACKAGE);
        Path target = Files.createDirectories(dir.resolve("chdb"));

        // when
        ChdbLibrary.unpack(tarball, target);

        // then
        try (var files = Files.list(target)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("libchdb.so",
                    "package.json");
        }
        assertThat(target.resolve("libchdb.so")).hasContent("\u007fELF the engine");
    }

    @Test
    void shouldRefuseTheTarballWhenItHoldsAnUnexpectedFile(@TempDir Path dir) throws Exception {
        // given
        Map<String, String> tampered = new HashMap<>(PACKAGE);
        tampered.put("package/postinstall.sh", "curl | sh");
        Path tarball = tarball(dir.resolve("chdb.tgz"), tampered);

        // when / then
        assertThatThrownBy(() -> ChdbLibrary.unpack(tarball, Files.createDirectories(dir.resolve("chdb"))))
                .hasMessageContaining("unexpected entry package/postinstall.sh");
    }

    @Test
    void shouldCheckTheTarballAgainstNpmsIntegrityHashWhenDownloaded(@TempDir Path dir) throws Exception {
        // given
        Path tarball = tarball(dir.resolve("chdb.tgz"), PACKAGE);
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(tarball)));

        // when / then
        ChdbLibrary.verifyIntegrity(tarball, integrity);
        assertThatThrownBy(() -> ChdbLibrary.verifyIntegrity(tarball, "sha512-AAAA"))
                .hasMessageContaining("is not the pinned package");
    }

    private static Path tarball(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.ISO_8859_1);
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                tarEntry.setSize(content.length);
                tar.putArchiveEntry(tarEntry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }
}
