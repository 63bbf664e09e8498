package io.stride.processors.leaderboards.api;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stride.processors.leaderboards.config.LeaderboardsConfig;
import io.stride.processors.leaderboards.domain.BoardKey;

/**
 * The top query's answers, each read once and given to every request for the same (board, limit) that arrives within
 * {@code leaderboards.top-max-age} of the read's start (ADR 0016): a widget's hot board asked thousands of times a
 * second is merged from its shards and written as JSON once per interval, not once per request, and a request that
 * finds a fresh answer is answered without leaving the event loop. Requests that arrive while it is read wait for that
 * read (which runs on a virtual thread: RocksDB and peers block). An answer is never older than the max age (100 ms
 * by default, the processor's commit interval); a read that fails (503) is given to its waiters and not kept.
 */
@ApplicationScoped
class TopAnswers {

    /** Answers kept before the old ones are dropped on the next read. */
    static final int KEPT = 1024;

    private record Read(long startedAtNanos, CompletableFuture<byte[]> answer) {
    }

    private final BiFunction<BoardKey, Integer, byte[]> read;
    private final long maxAgeNanos;
    private final ExecutorService readers;
    private final ConcurrentHashMap<String, Read> reads = new ConcurrentHashMap<>();

    @Inject
    TopAnswers(LeaderboardQueries queries, LeaderboardsConfig config, ObjectMapper json) {
        this((board, limit) -> queries.read(() -> json(json, BoardViews.top(board, limit, queries.reader()))),
                config.topMaxAge(), Executors.newVirtualThreadPerTaskExecutor());
    }

    TopAnswers(BiFunction<BoardKey, Integer, byte[]> read, Duration maxAge, ExecutorService readers) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
        this.readers = readers;
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    /** The JSON of the first {@code limit} entries of {@code board}, read at most the max age ago. */
    CompletionStage<byte[]> top(BoardKey board, int limit) {
        String key = board + "?limit=" + limit;
        long now = System.nanoTime();
        Read mine = new Read(now, new CompletableFuture<>());
        Read current = reads.compute(key, (ignored, held) ->
                held != null && now - held.startedAtNanos() < maxAgeNanos ? held : mine);
        if (current == mine) {
            if (reads.size() > KEPT) {
                reads.values().removeIf(held -> now - held.startedAtNanos() >= maxAgeNanos);
            }
            readers.execute(() -> {
                try {
                    mine.answer().complete(read.apply(board, limit));
                } catch (RuntimeException failed) {
                    reads.remove(key, mine);
                    mine.answer().completeExceptionally(failed);
                }
            });
        }
        return current.answer();
    }

    private static byte[] json(ObjectMapper json, BoardViews.TopView top) {
        try {
            return json.writeValueAsBytes(top);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
