package io.stride.processors.leaderboards.api;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.streams.state.HostInfo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stride.platform.http.ApiException;
import io.stride.platform.http.PeerHttp;
import io.stride.processors.leaderboards.config.LeaderboardsConfig;
import io.stride.processors.leaderboards.domain.BoardEntry;
import io.stride.processors.leaderboards.topology.BoardShard;

/**
 * Reads the shards other instances hold, from their {@link ShardResource}, and forwards the requests another instance
 * must answer (an athlete's standing, where their totals are). A peer that does not answer, or answers anything but
 * 200 (the shard moved, a rebalance), makes the whole answer 503 with {@code Retry-After}: never a rank counted over
 * part of a board.
 */
@ApplicationScoped
class PeerShards {

    /** Query parameter of a forwarded request: answer here, never forward again (a rebalance may be moving it). */
    static final String LOCAL_ONLY = "local";

    private final PeerHttp http;
    private final ObjectMapper json;
    private final LeaderboardsConfig config;

    PeerShards(ObjectMapper json, LeaderboardsConfig config) {
        this.json = json;
        this.config = config;
        this.http = new PeerHttp("leaderboards", config.peerTimeout());
    }

    /** The shard of {@code partition} held by {@code peer}. */
    BoardShard shard(HostInfo peer, int partition) {
        String base = ShardResource.PATH + "/" + partition;
        return new BoardShard() {
            @Override
            public Top top(String board, int limit) {
                ShardResource.TopAnswer answer = read(peer, base + "/top?board=" + encoded(board) + "&limit=" + limit,
                        new TypeReference<ShardResource.TopAnswer>() { });
                return new Top(answer.entries().stream().map(ShardResource.EntryAnswer::listed).toList(),
                        answer.size());
            }

            @Override
            public Window around(String board, BoardEntry at, int k) {
                ShardResource.WindowAnswer answer = read(peer, base + "/around?board=" + encoded(board)
                        + "&athlete_id=" + encoded(at.athleteId()) + "&value=" + at.value()
                        + "&reached_at=" + at.reachedAtMillis() + "&k=" + k,
                        new TypeReference<ShardResource.WindowAnswer>() { });
                return new Window(answer.above().stream().map(ShardResource.EntryAnswer::listed).toList(),
                        answer.below().stream().map(ShardResource.EntryAnswer::listed).toList(), answer.size());
            }

            @Override
            public long[] countGreater(String board, long[] values) {
                String asked = Arrays.stream(values).mapToObj(value -> "&value=" + value)
                        .collect(Collectors.joining());
                return read(peer, base + "/greater?board=" + encoded(board) + asked,
                        new TypeReference<ShardResource.GreaterAnswer>() { }).greater();
            }
        };
    }

    /** {@code pathAndQuery} asked of {@code peer} as the caller with this {@code Authorization} header (or none). */
    HttpResponse<String> forward(HostInfo peer, String pathAndQuery, String authorization) {
        return http.get(peer.host(), peer.port(), pathAndQuery, authorization, () -> peerUnavailable(peer));
    }

    private <T> T read(HostInfo peer, String pathAndQuery, TypeReference<T> type) {
        return PeerHttp.body(forward(peer, pathAndQuery, null), json, type, () -> ApiException.unavailable(
                "Leaderboards are moving between instances, retry shortly",
                Duration.ofSeconds(config.retryAfterSeconds())));
    }

    private ApiException peerUnavailable(HostInfo peer) {
        return ApiException.unavailable("The instance holding part of this board (" + peer.host() + ":" + peer.port()
                + ") does not answer, retry shortly", Duration.ofSeconds(config.retryAfterSeconds()));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
