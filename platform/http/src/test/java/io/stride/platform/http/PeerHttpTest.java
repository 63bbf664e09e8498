package io.stride.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

class PeerHttpTest {

    final Map<String, String> received = new ConcurrentHashMap<>();
    HttpServer peer;

    @AfterEach
    void stopPeer() {
        if (peer != null) {
            peer.stop(0);
        }
    }

    void givenAPeerAnswering(String body) throws IOException {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/", exchange -> {
            received.put("path", exchange.getRequestURI().toString());
            exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.getFirst()));
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        peer.start();
    }

    @Test
    void shouldAskThePeerAsTheCallerWithTheCorrelationIdAndThisService() throws IOException {
        // given
        givenAPeerAnswering("{\"ok\":true}");
        PeerHttp http = new PeerHttp("leaderboards", Duration.ofSeconds(2));

        // when
        HttpResponse<String> answer = http.get("127.0.0.1", peer.getAddress().getPort(), "/shards/1/top?limit=3",
                "Bearer token-1", () -> ApiException.unavailable("peer down", Duration.ofSeconds(2)));

        // then
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"ok\":true}");
        assertThat(received).containsEntry("path", "/shards/1/top?limit=3")
                .containsEntry("authorization", "Bearer token-1")
                .containsEntry("accept", "application/json")
                .containsEntry(StrideHeaders.CALLER_SERVICE.toLowerCase(), "leaderboards")
                .containsKey(StrideHeaders.CORRELATION_ID.toLowerCase());
    }

    @Test
    void shouldSendNoAuthorizationWhenTheCallerHasNone() throws IOException {
        // given
        givenAPeerAnswering("{}");

        // when
        new PeerHttp("live-tracking", Duration.ofSeconds(2)).get("127.0.0.1", peer.getAddress().getPort(), "/x",
                null, () -> ApiException.unavailable("peer down", Duration.ofSeconds(2)));

        // then
        assertThat(received).doesNotContainKey("authorization");
    }

    @Test
    void shouldBeTheCallersUnavailableErrorWhenThePeerDoesNotAnswer() throws IOException {
        // given: a port nobody listens on
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        // when / then
        assertThatThrownBy(() -> new PeerHttp("leaderboards", Duration.ofSeconds(1)).get("127.0.0.1", closed, "/x",
                null, () -> ApiException.unavailable("peer down", Duration.ofSeconds(2))))
                .isInstanceOfSatisfying(ApiException.class, unavailable -> {
                    assertThat(unavailable.status()).isEqualTo(503);
                    assertThat(unavailable.getMessage()).isEqualTo("peer down");
                });
    }

    @Test
    void shouldReadA200AnswersBodyAndCallAnyOtherStatusMoved() throws IOException {
        // given
        givenAPeerAnswering("{\"size\":3}");
        HttpResponse<String> ok = new PeerHttp("leaderboards", Duration.ofSeconds(2)).get("127.0.0.1",
                peer.getAddress().getPort(), "/x", null, () -> ApiException.unavailable("down", Duration.ZERO));

        // when / then
        assertThat(PeerHttp.body(ok, new ObjectMapper(), new TypeReference<Map<String, Integer>>() { },
                () -> ApiException.unavailable("moved", Duration.ZERO))).containsEntry("size", 3);
        peer.stop(0);
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        peer.start();
        HttpResponse<String> moved = new PeerHttp("leaderboards", Duration.ofSeconds(2)).get("127.0.0.1",
                peer.getAddress().getPort(), "/x", null, () -> ApiException.unavailable("down", Duration.ZERO));
        assertThatThrownBy(() -> PeerHttp.body(moved, new ObjectMapper(), new TypeReference<Map<String, Integer>>() { },
                () -> ApiException.unavailable("moved", Duration.ZERO)))
                .isInstanceOfSatisfying(ApiException.class, unavailable -> assertThat(unavailable.getMessage())
                        .isEqualTo("moved"));
    }
}
