package io.stride.queries.workouthistory.api;

import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stride.queries.workouthistory.mapping.WorkoutViews;
import io.stride.queries.workouthistory.store.HotCache;
import io.stride.queries.workouthistory.store.ReadModels;
import io.stride.queries.workouthistory.store.StatsStore;
import io.stride.queries.workouthistory.store.StoreUnavailable;
import io.stride.queries.workouthistory.store.TrackDocument;
import io.stride.queries.workouthistory.store.WorkoutDocument;
import io.stride.queries.workouthistory.store.WorkoutStore;

/**
 * The queries of the architecture document (GetWorkoutSummary, GetWorkoutDetails, GetWorkoutList, GetWorkoutStats,
 * GetWorkoutRouteMap) over the served read models, with object-level authorization: someone else's workout is
 * answered exactly like an unknown one (empty), so ids cannot be probed. Summaries and statistics come from the Redis
 * cache when it holds a current answer; the cache is optional: when Redis fails, the answer comes from the stores.
 */
@ApplicationScoped
class WorkoutQueries {

    private final ReadModels models;
    private final ObjectMapper json;
    private final Clock clock;

    WorkoutQueries(ReadModels models, ObjectMapper json, Clock clock) {
        this.models = models;
        this.json = json;
        this.clock = clock;
    }

    /** GetWorkoutSummary: cache first, then MongoDB (filling the cache). */
    Uni<Optional<WorkoutSummary>> summary(Caller caller, String workoutId) {
        Optional<HotCache> cache = models.cache();
        if (cache.isEmpty()) {
            return fromStore(caller, workoutId, false);
        }
        return cache.get().summary(workoutId)
                // the cache is an optimisation: any failure of Redis is a miss
                .onFailure().recoverWithItem(Optional.empty())
                .chain(cached -> {
                    if (cached.isEmpty()) {
                        return fromStore(caller, workoutId, true);
                    }
                    if (HotCache.ERASED.equals(cached.get())) {
                        return Uni.createFrom().item(Optional.empty());
                    }
                    Optional<WorkoutSummary> summary = read(cached.get(), WorkoutSummary.class);
                    return summary.isEmpty() ? fromStore(caller, workoutId, false)
                            : Uni.createFrom().item(summary.filter(s -> caller.mayRead(s.userId())));
                });
    }

    private Uni<Optional<WorkoutSummary>> fromStore(Caller caller, String workoutId, boolean fill) {
        return models.workouts().find(workoutId)
                .chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(Optional.<WorkoutSummary>empty());
                    }
                    WorkoutSummary summary = WorkoutViews.summary(found.get());
                    Uni<Void> filled = fill ? models.cache().get().fillSummary(workoutId, write(summary))
                            .onFailure().recoverWithNull() : Uni.createFrom().voidItem();
                    return filled.replaceWith(Optional.of(summary).filter(s -> caller.mayRead(s.userId())));
                });
    }

    /** A readable workout's read model and, when asked, its track. */
    record Workout(WorkoutDocument document, TrackDocument track) {
    }

    /** The workout if the caller may read it, with its track when {@code withTrack}. */
    Uni<Optional<Workout>> workout(Caller caller, String workoutId, boolean withTrack) {
        Uni<Optional<TrackDocument>> track = withTrack ? models.tracks().find(workoutId)
                : Uni.createFrom().item(Optional.empty());
        return Uni.combine().all().unis(models.workouts().find(workoutId), track)
                .with((document, trackDocument) -> document
                        .filter(found -> found.userId != null && caller.mayRead(found.userId))
                        .map(found -> new Workout(found, trackDocument.orElse(null))));
    }

    /** GetWorkoutDetails. */
    Uni<Optional<WorkoutDetails>> details(Caller caller, String workoutId) {
        Instant now = clock.instant();
        return workout(caller, workoutId, true)
                .map(found -> found.map(workout -> WorkoutViews.details(workout.document(), workout.track(), now)));
    }

    /** GetWorkoutList: one page, newest first. */
    Uni<WorkoutList> list(String userId, Instant from, Instant to, String sport, int limit, Requests.Cursor cursor) {
        WorkoutStore.ListQuery query = new WorkoutStore.ListQuery(userId, from, to, sport,
                cursor == null ? null : cursor.startTime(), cursor == null ? null : cursor.workoutId(), limit + 1);
        return models.workouts().page(query)
                .map(documents -> {
                    boolean more = documents.size() > limit;
                    List<WorkoutDocument> page = more ? documents.subList(0, limit) : documents;
                    List<WorkoutSummary> summaries = new ArrayList<>(page.size());
                    page.forEach(document -> summaries.add(WorkoutViews.summary(document)));
                    WorkoutDocument last = page.isEmpty() ? null : page.getLast();
                    return new WorkoutList(summaries, more && last != null
                            ? new Requests.Cursor(last.startTime, last.workoutId).encode() : null);
                });
    }

    /** GetWorkoutStats: cache under the athlete's current stamp, else ClickHouse (filling the cache). */
    Uni<WorkoutStats> stats(String userId, String sport, int weeks) {
        LocalDate currentWeek = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String variant = weeks + ":" + (sport == null ? "all" : sport) + ":" + currentWeek;
        Optional<HotCache> cache = models.cache();
        if (cache.isEmpty()) {
            return compute(userId, sport, weeks, currentWeek);
        }
        return cache.get().stats(userId, variant)
                .onFailure().recoverWithItem(Optional.empty())
                .map(cached -> cached.flatMap(value -> read(value, WorkoutStats.class)))
                .chain(cached -> cached.isPresent()
                        ? Uni.createFrom().item(cached.get())
                        : cache.get().statsStamp(userId)
                                .onFailure().recoverWithNull()
                                .chain(stamp -> compute(userId, sport, weeks, currentWeek)
                                        .call(stats -> stamp == null ? Uni.createFrom().voidItem()
                                                : cache.get().putStats(userId, variant, stamp, write(stats))
                                                        .onFailure().recoverWithNull())));
    }

    private Uni<WorkoutStats> compute(String userId, String sport, int weeks, LocalDate currentWeek) {
        Instant from = currentWeek.minusWeeks(weeks - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = currentWeek.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Uni.createFrom().item(() -> {
                    try {
                        List<StatsStore.SportTotals> totals = models.stats().totals(userId, sport);
                        List<StatsStore.WeekTotals> weekly = models.stats().weekly(userId, sport, from, to);
                        return WorkoutViews.stats(userId, sport, totals, weekly, currentWeek, weeks);
                    } catch (SQLException e) {
                        throw new StoreUnavailable("ClickHouse", e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** A cached answer; empty (a miss) when it cannot be read, e.g. written by an older version. */
    private <T> Optional<T> read(String value, Class<T> type) {
        try {
            return Optional.of(json.readValue(value, type));
        } catch (JsonProcessingException e) {
            Log.warnf("unreadable cache entry treated as a miss type=%s", type.getSimpleName());
            return Optional.empty();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer did not serialize", e);
        }
    }
}
