package io.stride.queries.workouthistory.projection;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stride.queries.workouthistory.mapping.WorkoutEvent;
import io.stride.queries.workouthistory.mapping.WorkoutViews;
import io.stride.queries.workouthistory.store.HotCache;
import io.stride.queries.workouthistory.store.ReadModels;
import io.stride.queries.workouthistory.store.StatsStore;
import io.stride.queries.workouthistory.store.StoreUnavailable;
import io.stride.queries.workouthistory.store.TrackDocument;
import io.stride.queries.workouthistory.store.WorkoutDocument;

/**
 * Applies a batch of Workout events to one generation of the read models, in this order: the events of erased
 * athletes are dropped; each workout's events are folded in record order into its read model (tracks whose
 * coordinates are past their retention already are not stored); then tracks are written
 * (MongoDB), then the read models (MongoDB, conditional on the version read), then the analytics rows (ClickHouse),
 * then the caches (Redis). What the later stores receive is derived from the resulting read models of every workout
 * the batch touched, not from what changed: a batch re-delivered after a failure half-way heals the later stores even
 * though MongoDB already holds its events. Every write is idempotent (replace by id, ReplacingMergeTree version,
 * cache overwrite), so the projection is too.
 */
final class WorkoutProjector {

    private final WorkoutFold fold;
    private final ObjectMapper json;
    private final Clock clock;

    WorkoutProjector(WorkoutFold fold, ObjectMapper json, Clock clock) {
        this.fold = fold;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What a batch did, for metrics and logs.
     *
     * @param poisoned events the fold failed on (a bug or an impossible event), by event id with the reason: they
     *                 changed nothing and go to the dead-letter topic
     */
    record Result(int applied, int duplicates, int foreign, int erasedUsers, int workouts,
            Map<String, String> poisoned) {
    }

    /** Applies {@code events} (in record order) to {@code models}. */
    Uni<Result> apply(ReadModels models, List<WorkoutEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(new Result(0, 0, 0, 0, 0, Map.of()));
        }
        Set<String> users = new LinkedHashSet<>();
        events.forEach(event -> users.add(event.userId()));
        return models.workouts().erased(users)
                .chain(erased -> {
                    Map<String, List<WorkoutEvent>> byWorkout = new LinkedHashMap<>();
                    int erasedEvents = 0;
                    for (WorkoutEvent event : events) {
                        if (erased.contains(event.userId())) {
                            erasedEvents++;
                        } else {
                            byWorkout.computeIfAbsent(event.workoutId(), id -> new ArrayList<>()).add(event);
                        }
                    }
                    int skipped = erasedEvents;
                    return models.workouts().findAll(byWorkout.keySet())
                            .chain(stored -> write(models, byWorkout, stored, skipped));
                });
    }

    private Uni<Result> write(ReadModels models, Map<String, List<WorkoutEvent>> byWorkout,
            Map<String, WorkoutDocument> stored, int erasedEvents) {
        Map<String, WorkoutDocument> current = new LinkedHashMap<>();
        Map<String, Long> readVersions = new HashMap<>();
        List<WorkoutDocument> changed = new ArrayList<>();
        List<TrackDocument> tracks = new ArrayList<>();
        int applied = 0;
        int duplicates = 0;
        int foreign = 0;
        Map<String, String> poisoned = new LinkedHashMap<>();
        for (Map.Entry<String, List<WorkoutEvent>> entry : byWorkout.entrySet()) {
            WorkoutDocument document = stored.get(entry.getKey());
            if (document != null) {
                readVersions.put(entry.getKey(), document.version);
            }
            boolean documentChanged = false;
            for (WorkoutEvent event : entry.getValue()) {
                WorkoutFold.Outcome outcome;
                try {
                    outcome = fold.apply(document, event);
                } catch (RuntimeException e) {
                    poisoned.put(event.eventId(), "the event cannot be applied: " + e.getClass().getSimpleName()
                            + ": " + e.getMessage());
                    continue;
                }
                switch (outcome) {
                    case WorkoutFold.Outcome.Applied(var next, var track) -> {
                        document = next;
                        documentChanged = true;
                        applied++;
                        if (track != null) {
                            tracks.removeIf(earlier -> earlier.workoutId().equals(track.workoutId()));
                            tracks.add(track);
                        }
                    }
                    case WorkoutFold.Outcome.Duplicate duplicate -> duplicates++;
                    case WorkoutFold.Outcome.Foreign ignored -> foreign++;
                }
            }
            if (document != null) {
                current.put(entry.getKey(), document);
                if (documentChanged) {
                    changed.add(document);
                }
            }
        }
        Result result = new Result(applied, duplicates, foreign, erasedEvents, current.size(), poisoned);
        // coordinates already past their retention (an old recording imported now) are never stored
        Instant now = clock.instant();
        tracks.removeIf(track -> !track.expiresAt().isAfter(now));
        return models.tracks().put(tracks)
                .chain(() -> models.workouts().write(changed, readVersions))
                .chain(() -> analytics(models, current.values()))
                .chain(analyticsUsers -> caches(models, current.values(), analyticsUsers))
                .replaceWith(result);
    }

    /** ClickHouse rows of the touched workouts that count or stopped counting; the athletes whose rows were written. */
    private Uni<Set<String>> analytics(ReadModels models, Iterable<WorkoutDocument> touched) {
        List<StatsStore.Row> rows = new ArrayList<>();
        Set<String> users = new LinkedHashSet<>();
        for (WorkoutDocument document : touched) {
            if (document.completed() || document.status == WorkoutDocument.Status.CANCELLED
                    && document.endTime != null) {
                rows.add(WorkoutViews.statsRow(document));
                users.add(document.userId);
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().item(users);
        }
        return Uni.createFrom().item(() -> {
                    try {
                        models.stats().insert(rows);
                        return users;
                    } catch (SQLException e) {
                        throw new StoreUnavailable("ClickHouse", e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Uni<Void> caches(ReadModels models, Iterable<WorkoutDocument> touched, Set<String> analyticsUsers) {
        if (models.cache().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        HotCache cache = models.cache().get();
        Map<String, String> summaries = new LinkedHashMap<>();
        for (WorkoutDocument document : touched) {
            summaries.put(document.workoutId, summaryJson(document));
        }
        Map<String, String> stamps = new LinkedHashMap<>();
        analyticsUsers.forEach(user -> stamps.put(user, UUID.randomUUID().toString()));
        return cache.putSummaries(summaries)
                .chain(() -> cache.invalidateStats(stamps));
    }

    private String summaryJson(WorkoutDocument document) {
        try {
            return json.writeValueAsString(WorkoutViews.summary(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary did not serialize", e);
        }
    }
}
