package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import de.bwaldvogel.mongo.MongoServer;

class IdIndexedH2BackendTest {

    @TempDir
    static Path dir;

    static MongoServer server;
    static MongoClient client;

    @BeforeAll
    static void start() {
        server = new MongoServer(new IdIndexedH2Backend(dir.resolve("test.mv").toString()));
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    static MongoCollection<Document> workouts(String name) {
        MongoCollection<Document> collection = client.getDatabase("id-indexed").getCollection(name);
        collection.insertMany(List.of(
                new Document("_id", "a").append("version", 1L).append("sport", "RUNNING"),
                new Document("_id", "b").append("version", 2L).append("sport", "CYCLING"),
                new Document("_id", "c").append("version", 3L).append("sport", "RUNNING")));
        return collection;
    }

    @Test
    void shouldAnswerAQueryNamingTheIdAndOtherFieldsAsAScanWould() {
        // given
        MongoCollection<Document> collection = workouts("find");

        // when / then
        assertThat(collection.find(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 2L))).first())
                .containsEntry("sport", "CYCLING");
        assertThat(collection.find(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 3L))).first()).isNull();
        assertThat(collection.find(Filters.and(Filters.eq("_id", "x"), Filters.eq("version", 2L))).first()).isNull();
        assertThat(collection.find(Filters.and(Filters.in("_id", "a", "b", "c", "x"), Filters.eq("sport", "RUNNING")))
                .map(document -> document.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("a", "c");
        assertThat(collection.find(Filters.and(Filters.gt("_id", "a"), Filters.eq("sport", "RUNNING")))
                .map(document -> document.getString("_id")).into(new ArrayList<>()))
                .containsExactly("c");
    }

    @Test
    void shouldReplaceAndDeleteOnlyWhatTheWholeConditionMatches() {
        // given
        MongoCollection<Document> collection = workouts("write");

        // when
        long stale = collection.replaceOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 0L)),
                new Document("_id", "a").append("version", 2L).append("sport", "SWIMMING")).getMatchedCount();
        long current = collection.replaceOne(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 2L)),
                new Document("_id", "b").append("version", 3L).append("sport", "SWIMMING"),
                new ReplaceOptions()).getMatchedCount();
        long deleted = collection.deleteMany(Filters.and(Filters.eq("_id", "c"), Filters.eq("version", 9L)))
                .getDeletedCount();

        // then
        assertThat(stale).isZero();
        assertThat(current).isOne();
        assertThat(deleted).isZero();
        assertThat(collection.find(Filters.eq("_id", "a")).first()).containsEntry("sport", "RUNNING");
        assertThat(collection.find(Filters.eq("_id", "b")).first()).containsEntry("version", 3L)
                .containsEntry("sport", "SWIMMING");
        assertThat(collection.countDocuments()).isEqualTo(3);
    }

    @Test
    void shouldTakeTheIdPartOnlyOfAQueryThatAlsoNamesOtherFields() {
        // when / then
        assertThat(IdIndexedH2Backend.idPart(new de.bwaldvogel.mongo.bson.Document("_id", "a").append("version", 1L)))
                .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "a"));
        assertThat(IdIndexedH2Backend.idPart(new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "a"), new de.bwaldvogel.mongo.bson.Document("version", 1L)))))
                .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "a"));
        assertThat(IdIndexedH2Backend.idPart(new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("sport", "RUNNING"), new de.bwaldvogel.mongo.bson.Document("$and",
                        List.of(new de.bwaldvogel.mongo.bson.Document("_id", "b")))))))
                .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "b"));
        assertThat(IdIndexedH2Backend.idPart(new de.bwaldvogel.mongo.bson.Document("_id", "a"))).isNull();
        assertThat(IdIndexedH2Backend.idPart(new de.bwaldvogel.mongo.bson.Document("user_id", "u")
                .append("version", 1L))).isNull();
    }
}
