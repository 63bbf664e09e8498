package io.stride.queries.workouthistory.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;

/**
 * The {@code workouts} collection (one {@link WorkoutDocument} per workout) and {@code erased_users} (ids of erased
 * athletes, so that a replay never brings back an erased athlete's unsealed old records). Writes are conditional on
 * the version read: a document changed meanwhile (a partition moved to another instance mid-batch) fails the batch,
 * which is then folded again from the stored state.
 */
public final class WorkoutStore {

    static final String WORKOUTS = "workouts";
    static final String ERASED_USERS = "erased_users";

    private final ReactiveMongoCollection<Document> workouts;
    private final ReactiveMongoCollection<Document> erasedUsers;
    private final MongoCodec codec;

    WorkoutStore(ReactiveMongoDatabase database, MongoCodec codec) {
        this.workouts = database.getCollection(WORKOUTS);
        this.erasedUsers = database.getCollection(ERASED_USERS);
        this.codec = codec;
    }

    /**
     * The list query's index: an athlete's workouts newest first. The local stand-in ignores compound indexes; real
     * MongoDB uses it.
     */
    Uni<Void> ensureIndexes() {
        return workouts.createIndex(Indexes.compoundIndex(Indexes.ascending("user_id"),
                        Indexes.descending("start_time"), Indexes.descending("_id")),
                        new IndexOptions().name("user_start_time"))
                .replaceWithVoid();
    }

    /** The read models of these workouts that exist, by id. */
    public Uni<Map<String, WorkoutDocument>> findAll(Collection<String> workoutIds) {
        if (workoutIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return workouts.find(Filters.in("_id", workoutIds))
                .map(codec::toWorkout)
                .collect().asMap(document -> document.workoutId);
    }

    /** One workout's read model. */
    public Uni<Optional<WorkoutDocument>> find(String workoutId) {
        return workouts.find(Filters.eq("_id", workoutId))
                .map(codec::toWorkout)
                .collect().first()
                .map(Optional::ofNullable);
    }

    /**
     * Writes new and changed read models at once. {@code readVersions} holds the version each was read with (absent:
     * it did not exist). Fails with {@link ConcurrentChange} when any of them changed since.
     */
    public Uni<Void> write(Collection<WorkoutDocument> documents, Map<String, Long> readVersions) {
        if (documents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
        int replacements = 0;
        for (WorkoutDocument document : documents) {
            Long read = readVersions.get(document.workoutId);
            if (read == null) {
                writes.add(new InsertOneModel<>(codec.toDocument(document)));
            } else {
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", document.workoutId),
                        Filters.eq("version", read)), codec.toDocument(document), new ReplaceOptions()));
                replacements++;
            }
        }
        int expectedMatches = replacements;
        return workouts.bulkWrite(writes, new BulkWriteOptions().ordered(false))
                .onFailure(MongoBulkWriteException.class).transform(ConcurrentChange::new)
                .invoke(result -> {
                    if (result.getMatchedCount() < expectedMatches) {
                        throw new ConcurrentChange(null);
                    }
                })
                .replaceWithVoid();
    }

    /** Query of an athlete's completed workouts, newest first. */
    public record ListQuery(String userId, Instant from, Instant to, String sport, Instant beforeStart,
            String beforeId, int limit) {
    }

    /**
     * One page of an athlete's completed workouts, newest first ({@code start_time}, then id, descending), starting
     * after the cursor position {@code (beforeStart, beforeId)} when given. Asks for {@code limit} documents.
     */
    public Uni<List<WorkoutDocument>> page(ListQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("user_id", query.userId()));
        filters.add(Filters.eq("status", WorkoutDocument.Status.COMPLETED.name()));
        if (query.from() != null) {
            filters.add(Filters.gte("start_time", MongoCodec.date(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("start_time", MongoCodec.date(query.to())));
        }
        if (query.sport() != null) {
            filters.add(Filters.eq("sport", query.sport()));
        }
        if (query.beforeStart() != null) {
            filters.add(Filters.or(Filters.lt("start_time", MongoCodec.date(query.beforeStart())),
                    Filters.and(Filters.eq("start_time", MongoCodec.date(query.beforeStart())),
                            Filters.lt("_id", query.beforeId()))));
        }
        return workouts.find(Filters.and(filters), new FindOptions()
                        .sort(Sorts.descending("start_time", "_id"))
                        .limit(query.limit())
                        .projection(Projections.exclude("applied_event_ids")))
                .map(codec::toWorkout)
                .collect().asList();
    }

    /** Of these athletes, the ones erased. */
    public Uni<Set<String>> erased(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return erasedUsers.find(Filters.in("_id", userIds))
                .map(document -> document.getString("_id"))
                .collect().asSet();
    }

    /**
     * Erases an athlete: records the id as erased, then deletes every read model of theirs. Idempotent. The ids of the
     * deleted workouts, for the caches.
     */
    public Uni<List<String>> eraseUser(String userId) {
        return erasedUsers.replaceOne(Filters.eq("_id", userId), new Document("_id", userId),
                        new ReplaceOptions().upsert(true))
                .chain(() -> workouts.find(Filters.eq("user_id", userId), new FindOptions()
                                .projection(Projections.include("_id")))
                        .map(document -> document.getString("_id"))
                        .collect().asList())
                .call(() -> workouts.deleteMany(Filters.eq("user_id", userId)));
    }

    /** Every read model of these workouts, raw: for comparing generations. */
    public Uni<Map<String, Document>> raw(Collection<String> workoutIds) {
        return workouts.find(Filters.in("_id", workoutIds))
                .collect().asMap(document -> document.getString("_id"));
    }

    /** Ids of an athlete's read models (any status). */
    public Uni<List<String>> idsOf(String userId) {
        return workouts.find(Filters.eq("user_id", userId), new FindOptions().projection(Projections.include("_id")))
                .map(document -> document.getString("_id"))
                .collect().asList();
    }

    /** A read model changed between reading and writing it. */
    public static final class ConcurrentChange extends RuntimeException {

        ConcurrentChange(Throwable cause) {
            super("a workout read model changed while a batch was applied", cause);
        }
    }
}
