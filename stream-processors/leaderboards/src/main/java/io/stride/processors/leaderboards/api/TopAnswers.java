package io.stride.processors.leaderboards.api;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stride.processors.leaderboards.config.LeaderboardsConfig;
import io.stride.processors.leaderboards.domain.BoardKey;

/**
 * The top query's answers, each read once and given to every request for the same (board, limit) within
 * {@code leaderboards.top-max-age} of the read's start (ADR 0016): a widget's hot board asked thousands of times a
 * second is merged from its shards and written as JSON once per interval, not once per request, and a request that
 * finds a fresh answer is answered without leaving the event loop.
 * <ul>
 *   <li>Read ahead: the first request to find its answer past half the max age starts the next read (on a virtual
 *       thread: RocksDB and peers block) and is answered with the one held, still fresh; under steady requests the
 *       next answer is ready before the held one expires, so no request waits for a read.</li>
 *   <li>A request that finds no answer within the max age waits for the read in flight, or starts one.</li>
 *   <li>An answer is never older than the max age (100 ms by default, the processor's commit interval); a read that
 *       fails (503) is given to its waiters and not kept.</li>
 * </ul>
 */
@ApplicationScoped
class TopAnswers {

    /** Boards kept before those with nothing fresh are dropped on the next read. */
    static final int KEPT = 1024;

    private record Read(long startedAtNanos, CompletableFuture<byte[]> answer) {
    }

    /**
     * One (board, limit): the latest read answered, and the read in flight.
     *
     * @param answered the newest read that succeeded, or {@code null}
     * @param pending the read in flight, or {@code null}
     */
    private record Held(Read answered, Read pending) {
    }

    private final BiFunction<BoardKey, Integer, byte[]> read;
    private final long maxAgeNanos;
    private final Executor readers;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

    @Inject
    TopAnswers(LeaderboardQueries queries, LeaderboardsConfig config, ObjectMapper json) {
        this((board, limit) -> queries.read(() -> json(json, BoardViews.top(board, limit, queries.reader()))),
                config.topMaxAge(), Executors.newVirtualThreadPerTaskExecutor(), System::nanoTime);
    }

    TopAnswers(BiFunction<BoardKey, Integer, byte[]> read, Duration maxAge, Executor readers, LongSupplier clock) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
        this.readers = readers;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        if (readers instanceof ExecutorService owned) {
            owned.shutdownNow();
        }
    }

    /** The JSON of the first {@code limit} entries of {@code board}, read at most the max age ago. */
    CompletionStage<byte[]> top(BoardKey board, int limit) {
        String key = board + "?limit=" + limit;
        long now = clock.getAsLong();
        Read mine = new Read(now, new CompletableFuture<>());
        Read[] reply = new Read[1];
        Held next = held.compute(key, (ignored, current) -> {
            Read answered = current == null ? null : current.answered();
            Read pending = current == null ? null : current.pending();
            if (answered != null && now - answered.startedAtNanos() < maxAgeNanos) {
                reply[0] = answered;
                boolean readAhead = pending == null && now - answered.startedAtNanos() >= maxAgeNanos / 2;
                return readAhead ? new Held(answered, mine) : current;
            }
            if (pending != null && now - pending.startedAtNanos() < maxAgeNanos) {
                reply[0] = pending;
                return current;
            }
            reply[0] = mine;
            return new Held(answered, mine);
        });
        if (next.pending() == mine) {
            if (held.size() > KEPT) {
                held.values().removeIf(old -> old.pending() == null
                        && (old.answered() == null || now - old.answered().startedAtNanos() >= maxAgeNanos));
            }
            readers.execute(() -> run(key, board, limit, mine));
        }
        return reply[0].answer();
    }

    private void run(String key, BoardKey board, int limit, Read mine) {
        byte[] answer;
        try {
            answer = read.apply(board, limit);
        } catch (RuntimeException failed) {
            held.computeIfPresent(key, (ignored, current) -> current.pending() == mine
                    ? new Held(current.answered(), null) : current);
            mine.answer().completeExceptionally(failed);
            return;
        }
        mine.answer().complete(answer);
        held.computeIfPresent(key, (ignored, current) -> new Held(
                current.answered() == null || current.answered().startedAtNanos() < mine.startedAtNanos()
                        ? mine : current.answered(),
                current.pending() == mine ? null : current.pending()));
    }

    private static byte[] json(ObjectMapper json, BoardViews.TopView top) {
        try {
            return json.writeValueAsBytes(top);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
