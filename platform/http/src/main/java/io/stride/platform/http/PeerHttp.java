package io.stride.platform.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Blocking GETs from one instance of a service to another that holds the state asked for (Kafka Streams interactive
 * queries: live-tracking's workouts, ADR 0016's leaderboards): JSON accepted, the request's correlation id and the
 * calling service passed on, the caller's {@code Authorization} header when there is one. A peer that does not answer
 * within the timeout, or cannot be reached, is the caller's {@code unavailable} error (a 503 with {@code Retry-After}),
 * never a hang.
 */
public final class PeerHttp {

    private final HttpClient http;
    private final Duration timeout;
    private final String callerService;

    /**
     * @param callerService this service's name, sent as {@link StrideHeaders#CALLER_SERVICE}
     * @param timeout how long connecting and answering may each take
     */
    public PeerHttp(String callerService, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.callerService = callerService;
    }

    /**
     * {@code pathAndQuery} asked of the instance at {@code host:port}.
     *
     * @param authorization the caller's {@code Authorization} header, or null
     * @param unavailable the error when the peer does not answer
     */
    public HttpResponse<String> get(String host, int port, String pathAndQuery, String authorization,
            Supplier<ApiException> unavailable) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header(StrideHeaders.CORRELATION_ID, CorrelationId.currentOrNew())
                .header(StrideHeaders.CALLER_SERVICE, callerService);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable.get();
        }
    }

    /**
     * The body of a peer's 200 answer as {@code type}; any other status is {@code moved} (the state left that peer: a
     * rebalance), an unreadable body a bug.
     */
    public static <T> T body(HttpResponse<String> answer, ObjectMapper json, TypeReference<T> type,
            Supplier<ApiException> moved) {
        if (answer.statusCode() != 200) {
            throw moved.get();
        }
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("peer answered an unreadable body", e);
        }
    }
}
