package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

    @TempDir
    Path run;

    private Process sleeper;

    @AfterEach
    void killSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void shouldStopRecordedProcessWhenItStillMatches() throws Exception {
        // given
        sleeper = new ProcessBuilder("sleep", "301").start();
        PidFiles pids = new PidFiles(run);
        pids.record("sleeper", sleeper.pid(), List.of("sleep", "301"));

        // when
        List<String> stopped = new PidFiles(run).stopStale();

        // then
        assertThat(stopped).containsExactly("sleeper (pid " + sleeper.pid() + ")");
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(run).isEmptyDirectory();
    }

    @Test
    void shouldLeaveProcessAloneWhenCommandLineNoLongerMatches() throws Exception {
        // given
        sleeper = new ProcessBuilder("sleep", "302").start();
        new PidFiles(run).record("kafka", sleeper.pid(), List.of("kafka.Kafka", "/somewhere/kafka.properties"));

        // when
        List<String> stopped = new PidFiles(run).stopStale();

        // then
        assertThat(stopped).isEmpty();
        assertThat(sleeper.isAlive()).isTrue();
        assertThat(run).isEmptyDirectory();
    }
}
