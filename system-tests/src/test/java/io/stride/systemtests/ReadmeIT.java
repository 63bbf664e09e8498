package io.stride.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.stride.testing.Devstack;

/**
 * The root README's newcomer path, run as written. Every block the README marks with {@code <!-- ReadmeIT: name -->}
 * on the line before its {@code ```bash} fence is run by bash, in order, as one reader pasting them into one shell
 * (the variables a block sets are there for the next one), against the users service, the gateway, live-workout and
 * live-tracking started as packaged apps on free ports. Only the documented local addresses ({@link #LOCAL_ADDRESSES})
 * are replaced by this test's; nothing else of a block changes. Each block runs with {@code set -euo pipefail}
 * and a time limit, and its output is checked. Blocks without a marker ({@code ./stride up}, ...) are not run.
 */
class ReadmeIT {

    /** The marked blocks, in README order; a new marked block needs its checks here. */
    private static final List<String> MARKED = List.of("login", "wearable", "stream");
    private static final Pattern MARKER = Pattern.compile("^<!-- ReadmeIT: ([a-z-]+) -->$");
    /** The local addresses the README documents (./stride up's fixed ports); none may be left in a block run here. */
    private static final Pattern LOCAL_ADDRESSES =
            Pattern.compile("(http|imap)://127\\.0\\.0\\.1:(8081|8082|8083|8084|10143)");
    /** The demo athlete the README logs in as, registered here as the simulator of ./stride up does. */
    private static final Map<String, String> DEMO_ATHLETE = Map.of("email", "athlete1@demo.stride.local",
            "password", "stride-demo-athlete", "first_name", "Demo", "last_name", "Athlete 1");
    private static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final List<AppProcess> APPS = new ArrayList<>();
    private static UsersApp users;
    private static Map<String, String> addresses;
    private static Path workDir;

    @BeforeAll
    static void startApps() throws IOException {
        Path root = root();
        workDir = root.resolve("system-tests/target/readme-" + UUID.randomUUID());
        String run = UUID.randomUUID().toString().substring(0, 8);
        users = UsersApp.start(root, workDir);
        AppProcess gateway = AppProcess.start(root, "ingest/telemetry-gateway", List.of(), workDir);
        APPS.add(gateway);
        APPS.add(AppProcess.start(root, "stream-processors/live-workout",
                List.of("-Dquarkus.kafka-streams.application-id=live-workout-readme-" + run), workDir));
        AppProcess liveTracking = AppProcess.start(root, "query-services/live-tracking",
                List.of("-Dquarkus.kafka-streams.application-id=live-tracking-readme-" + run, users.jwksProperty()),
                workDir);
        APPS.add(liveTracking);
        Map<String, String> devstack = Devstack.addresses();
        addresses = Map.of(
                "http://127.0.0.1:8081", gateway.baseUrl(),
                "http://127.0.0.1:8083", liveTracking.baseUrl(),
                "http://127.0.0.1:8084", users.baseUrl(),
                "imap://127.0.0.1:10143", "imap://" + devstack.get(Devstack.MAIL_SMTP_HOST) + ":"
                        + devstack.get(Devstack.MAIL_IMAP_PORT));
        users.registerConfirmed(DEMO_ATHLETE);
    }

    @AfterAll
    static void stopApps() throws InterruptedException {
        for (AppProcess app : APPS.reversed()) {
            app.close();
        }
        if (users != null) {
            users.close();
        }
    }

    private static Path root() {
        return Checkout.root();
    }

    @Test
    void shouldFindTheMarkedBlocksWhenTheReadmeIsRead() throws IOException {
        // when
        Map<String, String> blocks = markedBlocks();

        // then: exactly the blocks this test checks, and only documented addresses in them
        assertThat(blocks.keySet()).containsExactlyElementsOf(MARKED);
        assertThat(blocks.values()).noneMatch(String::isBlank);
        for (String block : blocks.values()) {
            assertThat(LOCAL_ADDRESSES.matcher(local(block)).find())
                    .as("a local address this test does not replace, in:%n%s", local(block)).isFalse();
        }
    }

    @Test
    void shouldRunEveryMarkedBlockWhenPastedInOrderIntoOneShell() throws Exception {
        // given
        Map<String, String> blocks = markedBlocks();
        ReaderShell shell = new ReaderShell(workDir.resolve("shell-" + UUID.randomUUID()));

        // when / then: the demo athlete logs in and reads their workouts; without a token, 401 in the error format
        Finished login = shell.run(local(blocks.get("login")));
        assertThat(login.exitCode()).as(login::describe).isZero();
        assertThat(login.lines()).as(login::describe).hasSize(2);
        assertThat(login.lines().get(0)).as(login::describe).startsWith("[");
        assertThat(login.lines().get(1)).as(login::describe)
                .contains("\"error\":\"unauthenticated\"").contains("\"code\":401");

        // when / then: a new account, confirmed by email, registers a device whose first sample is accepted and
        // shown live; a second run (another reader, or the same one again) makes a new account and workout
        List<String> workouts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Finished wearable = shell.run(local(blocks.get("wearable")));
            assertThat(wearable.exitCode()).as(wearable::describe).isZero();
            String workoutId = shell.variable("WORKOUT_ID");
            assertThat(workoutId).matches(UUID_TEXT);
            assertThat(wearable.stdout()).as(wearable::describe)
                    .contains("\"status\":\"confirmation_sent\"")
                    .contains("{\"status\":\"verified\"}")
                    .containsPattern("\\{\"accepted\":1,[^\\n]*\\} 202\\n")
                    .contains("{\"workout_id\":\"" + workoutId + "\"");
            assertThat(wearable.lines().getLast()).as(wearable::describe)
                    .contains("\"sample_count\":1").contains("\"heart_rate_bpm\":140");
            workouts.add(workoutId);
        }
        assertThat(workouts).doesNotHaveDuplicates();

        // when / then: the stream sends the workout's current state first, and goes on until stopped (Ctrl-C)
        String streamed = shell.streamUntil(local(blocks.get("stream")), "data:{\"workout_id\":\"" + workouts.getLast()
                + "\"");
        assertThat(streamed).contains("\"sample_count\":1");

        // and: the users service logged no error meanwhile (nor at its start)
        assertThat(Files.readAllLines(users.log())).noneMatch(line -> line.contains("\"level\":\"ERROR\""));
    }

    /** The README's marked blocks by name, in README order. */
    private static Map<String, String> markedBlocks() throws IOException {
        List<String> lines = Files.readAllLines(root().resolve("README.md"));
        Map<String, String> blocks = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).strip());
            if (!marker.matches()) {
                continue;
            }
            assertThat(lines.get(i + 1)).as("the line after %s", lines.get(i)).isEqualTo("```bash");
            StringBuilder block = new StringBuilder();
            int line = i + 2;
            while (!lines.get(line).equals("```")) {
                block.append(lines.get(line++)).append('\n');
            }
            assertThat(blocks.put(marker.group(1), block.toString())).as("marker %s twice", marker.group(1)).isNull();
        }
        return blocks;
    }

    /** The block with the documented local addresses replaced by this test's. */
    private static String local(String block) {
        String local = block;
        for (Map.Entry<String, String> address : addresses.entrySet()) {
            local = local.replace(address.getKey(), address.getValue());
        }
        return local;
    }

    /** A block that ended: its exit code and output. */
    private record Finished(String script, int exitCode, String stdout, String stderr) {

        List<String> lines() {
            return stdout.lines().toList();
        }

        String describe() {
            return "block:%n%s%nexit code %d%nstdout:%n%s%nstderr:%n%s".formatted(script, exitCode, stdout, stderr);
        }
    }

    /**
     * One reader's shell: each block runs in its own bash process, which starts with the variables the earlier blocks
     * set and leaves its own for the next (in a state file of {@code declare -p} lines).
     */
    private static final class ReaderShell {

        private final Path dir;
        private final Path state;
        private int blocks;

        ReaderShell(Path dir) throws IOException {
            this.dir = Files.createDirectories(dir);
            this.state = dir.resolve("variables.sh");
        }

        Finished run(String block) throws IOException, InterruptedException {
            Process bash = start(block);
            Path out = output(".out");
            Path err = output(".err");
            if (!bash.waitFor(BLOCK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                stop(bash);
                throw new AssertionError("the block ran longer than %s:%n%s%nstdout:%n%s%nstderr:%n%s".formatted(
                        BLOCK_TIMEOUT, block, Files.readString(out), Files.readString(err)));
            }
            return new Finished(block, bash.exitValue(), Files.readString(out), Files.readString(err));
        }

        /** Runs a block that streams until stopped; stops it once its output holds {@code expected}. */
        String streamUntil(String block, String expected) throws IOException {
            Process bash = start(block);
            Path out = output(".out");
            try {
                await("output of the block%n%s".formatted(block))
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .failFast("the block ended (a stream goes on until stopped)", () -> !bash.isAlive())
                        .until(() -> Files.readString(out).contains(expected));
                return Files.readString(out);
            } finally {
                stop(bash);
            }
        }

        /** A variable the blocks set so far. */
        String variable(String name) throws IOException {
            Matcher value = Pattern.compile("(?m)^declare -[-x] " + name + "=\"([^\"]*)\"$")
                    .matcher(Files.readString(state));
            assertThat(value.find()).as("variable %s set by the blocks", name).isTrue();
            return value.group(1);
        }

        private Process start(String block) throws IOException {
            blocks++;
            Path script = dir.resolve("block-" + blocks + ".sh");
            Files.writeString(script, """
                    __readme_before=$(compgen -v)
                    if [[ -f %1$s ]]; then . %1$s; fi
                    set -euo pipefail
                    %2$s
                    set +eu
                    for __readme_name in $(compgen -v); do
                        [[ $__readme_name == @(__readme_*|BASH*|PIPESTATUS) ]] \\
                            || grep -qxF "$__readme_name" <<< "$__readme_before" || declare -p "$__readme_name"
                    done > %1$s.next
                    mv %1$s.next %1$s
                    """.formatted("./" + state.getFileName(), block), StandardCharsets.UTF_8);
            return new ProcessBuilder("bash", script.getFileName().toString())
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(output(".out").toFile())
                    .redirectError(output(".err").toFile())
                    .start();
        }

        private Path output(String suffix) {
            return dir.resolve("block-" + blocks + suffix);
        }

        /** As Ctrl-C would: the block's commands, then its shell. */
        private static void stop(Process bash) {
            bash.descendants().forEach(ProcessHandle::destroy);
            bash.destroy();
            try {
                if (!bash.waitFor(10, TimeUnit.SECONDS)) {
                    bash.descendants().forEach(ProcessHandle::destroyForcibly);
                    bash.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
