package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordingsTest {

    @Test
    void shouldAttachToJvmsOnlyBecauseJcmdSignalsItsTargetWithSigquit() throws Exception {
        // given: a process that is not a JVM (PostgreSQL would shut down at once on jcmd's SIGQUIT)
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            // when / then
            assertThat(Recordings.isJvm(ProcessHandle.current().pid())).isTrue();
            assertThat(Recordings.isJvm(sleep.pid())).isFalse();
            assertThat(Recordings.isJvm(Long.MAX_VALUE)).isFalse();
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }
}
