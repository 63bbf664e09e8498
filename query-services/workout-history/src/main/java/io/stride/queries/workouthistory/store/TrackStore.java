package io.stride.queries.workouthistory.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The {@code workout_tracks} collection: each finished workout's coordinates and measurements over time
 * ({@link TrackDocument}). Coordinates are kept 6 months: a TTL index on {@code expires_at} lets real MongoDB delete
 * them by itself, and {@link #deleteExpired} does the same on a schedule, which is what enforces the policy where TTL
 * indexes do nothing (the local stand-in) and bounds how late MongoDB's TTL monitor may be.
 */
public final class TrackStore {

    static final String TRACKS = "workout_tracks";

    private final ReactiveMongoCollection<Document> tracks;
    private final MongoCodec codec;

    TrackStore(ReactiveMongoDatabase database, MongoCodec codec) {
        this.tracks = database.getCollection(TRACKS);
        this.codec = codec;
    }

    /** The TTL index (expire at {@code expires_at}) and the erasure's index by athlete. */
    Uni<Void> ensureIndexes() {
        return tracks.createIndex(Indexes.ascending("expires_at"),
                        new IndexOptions().name("coordinates_ttl").expireAfter(0L, TimeUnit.SECONDS))
                .chain(() -> tracks.createIndex(Indexes.ascending("user_id"), new IndexOptions().name("user")))
                .replaceWithVoid();
    }

    /** Stores tracks, replacing any earlier version of each (a re-delivered completion writes the same). */
    public Uni<Void> put(Collection<TrackDocument> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
        for (TrackDocument document : documents) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.workoutId()), codec.toDocument(document),
                    new ReplaceOptions().upsert(true)));
        }
        return tracks.bulkWrite(writes, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    /** One workout's track, if kept. */
    public Uni<Optional<TrackDocument>> find(String workoutId) {
        return tracks.find(Filters.eq("_id", workoutId))
                .map(codec::toTrack)
                .collect().first()
                .map(Optional::ofNullable);
    }

    /** Deletes the tracks whose coordinates expired at or before {@code now}; how many. */
    public Uni<Long> deleteExpired(Instant now) {
        return tracks.deleteMany(Filters.lte("expires_at", MongoCodec.date(now)))
                .map(result -> result.getDeletedCount());
    }

    /** Deletes an athlete's tracks. */
    public Uni<Long> deleteByUser(String userId) {
        return tracks.deleteMany(Filters.eq("user_id", userId))
                .map(result -> result.getDeletedCount());
    }

    /** Tracks of these workouts, raw: for comparing generations. */
    public Uni<Map<String, Document>> raw(Collection<String> workoutIds) {
        return tracks.find(Filters.in("_id", workoutIds))
                .collect().asMap(document -> document.getString("_id"));
    }
}
