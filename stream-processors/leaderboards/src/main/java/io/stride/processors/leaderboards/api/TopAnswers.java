package io.stride.processors.leaderboards.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stride.processors.leaderboards.config.LeaderboardsConfig;
import io.stride.processors.leaderboards.domain.BoardKey;

/**
 * The top query's answers, each read once and given to every request for the same (board, limit) that arrives within
 * {@code leaderboards.top-max-age} of the read's start (ADR 0016): a widget's hot board asked thousands of times a
 * second is merged from its shards once per interval, not once per request. Requests that arrive while it is read wait
 * for that read. An answer is never older than the max age (100 ms by default, the processor's commit interval); a
 * read that fails (503) is given to its waiters and not kept.
 */
@ApplicationScoped
class TopAnswers {

    /** Answers kept before the old ones are dropped on the next read. */
    static final int KEPT = 1024;

    private record Read(long startedAtNanos, CompletableFuture<BoardViews.TopView> answer) {
    }

    private final BiFunction<BoardKey, Integer, BoardViews.TopView> read;
    private final long maxAgeNanos;
    private final ConcurrentHashMap<String, Read> reads = new ConcurrentHashMap<>();

    @Inject
    TopAnswers(LeaderboardQueries queries, LeaderboardsConfig config) {
        this((board, limit) -> BoardViews.top(board, limit, queries.reader()), config.topMaxAge());
    }

    TopAnswers(BiFunction<BoardKey, Integer, BoardViews.TopView> read, Duration maxAge) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The first {@code limit} entries of {@code board}, read at most the max age ago. */
    BoardViews.TopView top(BoardKey board, int limit) {
        String key = board + "?limit=" + limit;
        long now = System.nanoTime();
        Read mine = new Read(now, new CompletableFuture<>());
        Read current = reads.compute(key, (ignored, held) ->
                held != null && now - held.startedAtNanos() < maxAgeNanos ? held : mine);
        if (current == mine) {
            if (reads.size() > KEPT) {
                reads.values().removeIf(read -> now - read.startedAtNanos() >= maxAgeNanos);
            }
            try {
                mine.answer().complete(read.apply(board, limit));
            } catch (RuntimeException failed) {
                reads.remove(key, mine);
                mine.answer().completeExceptionally(failed);
            }
        }
        try {
            return current.answer().join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }
}
