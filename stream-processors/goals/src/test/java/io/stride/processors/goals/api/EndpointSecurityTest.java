package io.stride.processors.goals.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.stride.testing.EndpointAccess;

/** Authentication is not proactive: every endpoint of the goals processor declares its access. */
class EndpointSecurityTest {

    @Test
    void shouldDeclareASecurityAnnotationWhenAMethodIsAnEndpoint() {
        // given / when
        EndpointAccess access = EndpointAccess.of("io.stride.processors.goals");

        // then
        assertThat(access.endpoints()).containsExactly("GoalProgressResource.progress");
        assertThat(access.undeclared()).isEmpty();
    }
}
