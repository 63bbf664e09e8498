package io.stride.processors.leaderboards.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.stride.platform.http.ApiException;
import io.stride.processors.leaderboards.config.LeaderboardsConfig;
import io.stride.processors.leaderboards.domain.BoardKey;

/**
 * The boards watched through the push stream: each (board, limit) that has watchers is read once per
 * {@code leaderboards.push-interval}, whatever the number of its watchers, and pushed to all of them when its answer
 * changed. Reading the merged board (rather than listening to this instance's store updates) gives every watcher the
 * same answer as the top query, whichever instances hold the shards. A new watcher gets the last answer at once and
 * the current one at the next read; a board nobody watches any more is dropped.
 */
@ApplicationScoped
class BoardWatches {

    private final LeaderboardQueries queries;
    private final LeaderboardsConfig config;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private ScheduledExecutorService reads;

    BoardWatches(LeaderboardQueries queries, LeaderboardsConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @PostConstruct
    void start() {
        reads = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("board-watches")
                .factory());
        long every = config.pushInterval().toMillis();
        reads.scheduleWithFixedDelay(this::readAll, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        reads.shutdownNow();
        watches.values().forEach(watch -> watch.changes.onComplete());
    }

    /** The top {@code limit} of {@code board}: its last answer (if read yet), then each new one. */
    Multi<BoardViews.TopView> watch(BoardKey board, int limit) {
        String key = board + "?limit=" + limit;
        return Multi.createFrom().deferred(() -> {
            Watch watch = watches.compute(key, (ignored, existing) -> {
                Watch joined = existing != null ? existing : new Watch(board, limit);
                joined.watchers++;
                joined.resend = true;
                return joined;
            });
            // a watcher slower than the board (a slow connection) gets its latest answer, not a failure
            Multi<BoardViews.TopView> changes = watch.changes.onOverflow().dropPreviousItems()
                    .onTermination().invoke(() -> leave(key));
            BoardViews.TopView last = watch.last;
            return last == null ? changes
                    : Multi.createBy().concatenating().streams(Multi.createFrom().item(last), changes);
        });
    }

    /** How many boards are watched (a gauge for tests and operations). */
    int watched() {
        return watches.size();
    }

    private void leave(String key) {
        watches.computeIfPresent(key, (ignored, watch) -> --watch.watchers == 0 ? null : watch);
    }

    private void readAll() {
        for (Watch watch : watches.values()) {
            try {
                BoardViews.TopView now = queries.read(() -> BoardViews.top(watch.board, watch.limit,
                        queries.reader()));
                if (watch.resend || !now.equals(watch.last)) {
                    watch.resend = false;
                    watch.last = now;
                    watch.changes.onNext(now);
                }
            } catch (ApiException notQueryable) {
                // loading or rebalancing: the next read tells
            } catch (RuntimeException e) {
                Log.warnf(e, "reading a watched board failed board=%s", watch.board);
            }
        }
    }

    /** One watched (board, limit); its watcher count changes only inside the map's compute. */
    private static final class Watch {
        final BoardKey board;
        final int limit;
        final BroadcastProcessor<BoardViews.TopView> changes = BroadcastProcessor.create();
        int watchers;
        volatile boolean resend;
        volatile BoardViews.TopView last;

        Watch(BoardKey board, int limit) {
            this.board = board;
            this.limit = limit;
        }
    }
}
