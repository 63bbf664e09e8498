package io.stride.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Starts a real devstack through {@code ./stride devstack} as a test JVM does, then stops it. */
class DevstackProcessIT {

    @Test
    void shouldStartDevstackAsChildProcessAndLeaveNothingRunningWhenStopped() throws Exception {
        // given
        Path root = DevstackProcess.repositoryRoot(Path.of(System.getProperty("user.dir"))).orElseThrow();
        Path dir = root.resolve("target").resolve("devstack-it-" + ProcessHandle.current().pid());
        DevstackProcess devstack = DevstackProcess.launch(root, dir);
        List<ProcessHandle> processes = new ArrayList<>();
        try {
            // when
            Map<String, String> addresses = devstack.awaitAddresses(Duration.ofMinutes(5));
            processes.add(devstack.handle());
            processes.addAll(devstack.handle().descendants().toList());
            processes.add(ProcessHandle.of(pidOf(dir.resolve("run/postgres.pid"))).orElseThrow());

            // then
            assertThat(addresses.keySet()).containsExactlyElementsOf(Devstack.KEYS);
            assertThat(listening(addresses.get(Devstack.KAFKA_BOOTSTRAP_SERVERS))).isTrue();
            assertThat(listening(addresses.get(Devstack.MONGODB_CONNECTION_STRING).replace("mongodb://", ""))).isTrue();
            HttpResponse<Void> info = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(addresses.get(Devstack.APICURIO_REGISTRY_URL) + "/system/info"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(info.statusCode()).isEqualTo(200);
            HttpResponse<String> ping = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(addresses.get(Devstack.CLICKHOUSE_URL) + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ping.body()).isEqualTo("Ok.\n");
        } finally {
            devstack.stop();
        }

        // then
        assertThat(dir.resolve(DevstackProcess.ADDRESSES_FILE)).doesNotExist();
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("logs/kafka.log")).exists();
        assertThat(processes).hasSizeGreaterThanOrEqualTo(6);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(processes).noneMatch(ProcessHandle::isAlive));
    }

    private static long pidOf(Path pidFile) throws Exception {
        return Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
    }

    private static boolean listening(String hostAndPort) {
        String[] parts = hostAndPort.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 2000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
