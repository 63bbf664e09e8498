package io.stride.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the build prepared for the devstack ({@code devstack-build.properties}, filtered by Maven): the runtime
 * classpath file (the Kafka JVM runs from it), the Apicurio Registry distribution and the pinned chDB package.
 *
 * @param classpathFile   file written by {@code dependency:build-classpath}
 * @param apicurioVersion Apicurio Registry version
 * @param apicurioDist    the {@code apicurio-registry-app-<version>-all.tar.gz} copied into {@code target/}
 * @param kafkaVersion    Kafka version
 * @param chdbVersion     version of the npm package {@value ChdbLibrary#PACKAGE} (the ClickHouse engine)
 * @param chdbIntegrity   npm's integrity hash of that package's tarball ({@code sha512-<base64>})
 */
record BuildInfo(Path classpathFile, String apicurioVersion, Path apicurioDist, String kafkaVersion,
        String chdbVersion, String chdbIntegrity) {

    /** System property that overrides the classpath the Kafka JVM runs with. */
    static final String CLASSPATH_PROPERTY = "stride.devstack.classpath";

    static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("devstack-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("devstack-build.properties is missing: build platform/devstack with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(Path.of(properties.getProperty("classpath.file")),
                properties.getProperty("apicurio.version"),
                Path.of(properties.getProperty("apicurio.dist")),
                properties.getProperty("kafka.version"),
                properties.getProperty("chdb.version"),
                properties.getProperty("chdb.integrity"));
    }

    /** The runtime classpath of the devstack module (Kafka, its tools, log4j2), for child JVMs. */
    String runtimeClasspath() {
        String override = System.getProperty(CLASSPATH_PROPERTY);
        if (override != null && !override.isBlank()) {
            return override;
        }
        try {
            return Files.readString(classpathFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the devstack classpath file %s: run ./mvnw -pl platform/devstack -am install -DskipTests"
                    .formatted(classpathFile), e);
        }
    }
}
