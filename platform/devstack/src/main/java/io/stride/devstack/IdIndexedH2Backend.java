package io.stride.devstack;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

import org.h2.mvstore.MVStore;

/**
 * The stand-in's H2 backend with one rule of real MongoDB's query planner that mongo-java-server lacks: a query that
 * names {@code _id} beside other fields is answered from the {@code _id} index and then filtered. mongo-java-server
 * uses an index only when the query's fields are exactly the index's, so a conditional write such as {@code {$and:
 * [{_id: x}, {version: 3}]}} (the history projection's optimistic replace) scanned the whole collection. Results are the same as without the rule; only the
 * documents read to find them differ.
 */
final class IdIndexedH2Backend extends H2Backend {

    IdIndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * The part of {@code query} the {@code _id} index can answer when the query also names other fields: {@code {_id:
     * <its value>}}, from the query itself or from a clause of its {@code $and} (the driver's {@code Filters.and}
     * renders one); {@code null} when the query names {@code _id} alone (the plain planner uses the index) or not at
     * all.
     */
    static Document idPart(Document query) {
        if (query.containsKey("_id")) {
            return query.size() > 1 ? new Document("_id", query.get("_id")) : null;
        }
        if (query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document condition) {
                    Document part = condition.containsKey("_id") ? new Document("_id", condition.get("_id"))
                            : idPart(condition);
                    if (part != null) {
                        return part;
                    }
                }
            }
        }
        return null;
    }

    // not static: H2Database's constructor opens the stored collections, before a field of this class could be set
    private final class Database extends H2Database {

        // mongo-java-server's map names (H2Database's private constants): collections stay readable either way
        private static final String DATA_PREFIX = "databases.";
        private static final String META_PREFIX = "meta.";

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            return new Collection(this, collectionName, options, store.openMap(DATA_PREFIX + namespace),
                    store.openMap(META_PREFIX + namespace), cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            Document byId = idPart(query);
            if (byId != null) {
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        // the index's candidates, then the whole query on each
                        return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit,
                                batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
