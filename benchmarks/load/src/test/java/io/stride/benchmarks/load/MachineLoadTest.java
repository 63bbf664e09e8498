package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MachineLoadTest {

    @Test
    void shouldCountIrqAndSoftirqAsBusyWhenParsingACpuLine() {
        // when: user nice system idle iowait irq softirq steal guest guest_nice
        MachineLoad.CpuTicks ticks = MachineLoad.CpuTicks.parse("cpu0 100 5 20 300 7 1 2 9 50 0");

        // then: guest time is already within user time
        assertThat(ticks.busy()).isEqualTo(100 + 5 + 20 + 1 + 2);
        assertThat(ticks.idle()).isEqualTo(300);
        assertThat(ticks.iowait()).isEqualTo(7);
        assertThat(ticks.steal()).isEqualTo(9);
        assertThat(ticks.total()).isEqualTo(128 + 300 + 7 + 9);
    }

    @Test
    void shouldSeparateOwnFromWaitedForChildrenTicksWhenTheCommandHoldsSpacesAndParentheses() {
        // given: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime …
        String stat = "4242 (java (a) b) S 1 4242 4242 0 -1 4194560 100 0 0 0 1500 300 40 2 20 0 57 0 1234 0";

        // when
        MachineLoad.ProcessTicks ticks = MachineLoad.processTicks(stat);

        // then
        assertThat(ticks.own()).isEqualTo(1500 + 300);
        assertThat(ticks.children()).isEqualTo(40 + 2);
    }

    @Test
    void shouldNameEachProcessAfterItsNearestNamedAncestorWhenOneNamedProcessStartedAnother() throws Exception {
        // given: this JVM (named "tests") started a shell (named "shell") that started a cat nobody named
        Process shell = new ProcessBuilder("sh", "-c", "cat; true").start();
        try {
            long cat = shell.toHandle().children().findFirst().or(() -> awaitChild(shell)).orElseThrow().pid();
            long self = ProcessHandle.current().pid();
            MachineLoad machine = new MachineLoad(Map.of("tests", self, "shell", shell.pid()));

            // when
            Map<Long, String> ours = machine.snapshot().ours();

            // then: the shell keeps its own name although it descends from "tests", and cat is the shell's
            assertThat(ours).containsEntry(self, "tests").containsEntry(shell.pid(), "shell").containsEntry(cat,
                    "shell");
        } finally {
            shell.destroyForcibly().waitFor();
        }
    }

    /** The shell's child, once it has forked it. */
    private static Optional<ProcessHandle> awaitChild(Process shell) {
        while (shell.isAlive()) {
            Optional<ProcessHandle> child = shell.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child;
            }
            Thread.onSpinWait();
        }
        return java.util.Optional.empty();
    }

    @Test
    void shouldReadRangesAndSinglesWhenParsingTheAllowedCpus() {
        // given
        String status = "Name:\tjava\nCpus_allowed:\t3\nCpus_allowed_list:\t0,2-4\nMems_allowed:\t1\n";

        // when
        Set<Integer> cpus = MachineLoad.allowedCpus(status);

        // then
        assertThat(cpus).containsExactly(0, 2, 3, 4);
        assertThat(MachineLoad.compact(cpus)).isEqualTo("0,2-4");
        assertThat(MachineLoad.compact(Set.of(0))).isEqualTo("0");
    }

    @Test
    void shouldDropClassPathsAndShortenPathsWhenDescribingACommandLine() {
        // given
        String cmdline = String.join("\0", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", "-Xmx384m", "-cp",
                "/a/b.jar:/c/d.jar", "-Dquarkus.http.port=8081", "-jar",
                "/work/wt-x/ingest/telemetry-gateway/target/quarkus-app/quarkus-run.jar");

        // when
        String description = MachineLoad.describe(cmdline);

        // then
        assertThat(description).isEqualTo("…/temurin-25-jdk-amd64/bin/java -jar …/target/quarkus-app/quarkus-run.jar");
    }
}
