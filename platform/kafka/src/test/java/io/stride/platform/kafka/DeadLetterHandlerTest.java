package io.stride.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    @Test
    void shouldTreatFailureAsInfrastructureWhenSerializationFailed() {
        // given
        Exception wrapped = new StreamsException(new SerializationException("schema not found"));

        // when / then
        assertThat(DeadLetterHandler.isSerializationFailure(wrapped)).isTrue();
    }

    @Test
    void shouldTreatFailureAsInfrastructureWhenTheRegistryClientThrew() {
        // given: an exception raised from within the registry client
        RuntimeException fromRegistry = new RuntimeException("Could not resolve artifact reference");
        fromRegistry.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.apicurio.registry.resolver.cache.ERCache", "apply", "ERCache.java", 1)});

        // when / then
        assertThat(DeadLetterHandler.isSerializationFailure(new StreamsException(fromRegistry))).isTrue();
    }

    @Test
    void shouldTreatFailureAsUnreachableDependencyWhenTheRegistryRefusedTheConnection() {
        // given
        Exception refused = new RuntimeException(new java.util.concurrent.ExecutionException(
                new java.net.ConnectException("Connection refused")));

        // when / then
        assertThat(DeadLetterHandler.isUnreachableDependency(refused)).isTrue();
        assertThat(DeadLetterHandler.isUnreachableDependency(new SerializationException("magic byte"))).isFalse();
    }

    @Test
    void shouldTreatFailureAsTheRecordsWhenDomainCodeThrew() {
        // given
        Exception domain = new IllegalArgumentException("latitude out of range");

        // when / then
        assertThat(DeadLetterHandler.isSerializationFailure(domain)).isFalse();
        assertThat(DeadLetterHandler.isUnreachableDependency(domain)).isFalse();
    }
}
