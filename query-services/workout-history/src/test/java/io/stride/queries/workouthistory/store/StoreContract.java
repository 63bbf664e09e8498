package io.stride.queries.workouthistory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import io.stride.queries.workouthistory.mapping.Split;
import io.stride.queries.workouthistory.mapping.TrackSample;

/**
 * The repositories' behaviour, whatever servers they run against: the devstack's stand-ins
 * ({@link DevstackStoreTest}) and, in the opt-in {@code real-servers} profile, real MongoDB and ClickHouse servers
 * (Testcontainers). Each test uses its own athlete and workout ids in a generation of its subclass.
 */
public abstract class StoreContract {

    /** Athletes without a telemetry key (records from before keys existed, or a key shredded by an erasure). */
    private static final Set<String> KEYLESS = ConcurrentHashMap.newKeySet();
    private static final Map<String, Aead> KEYS = new ConcurrentHashMap<>();

    /** Each athlete's own AES-256-GCM key, made on first use, as the users service gives one at registration. */
    protected static final FieldSealing SEALING = FieldSealing.with(user -> KEYLESS.contains(user) ? Optional.empty()
            : Optional.of(KEYS.computeIfAbsent(user, StoreContract::newKey)));

    private static Aead newKey(String user) {
        try {
            AeadConfig.register();
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generation under test (databases created by the subclass, dropped after the class). */
    protected abstract ReadModels models();

    private static final Instant START = Instant.parse("2025-03-03T07:00:00Z");

    protected static WorkoutDocument completed(String userId, Instant start, String sport, double meters) {
        WorkoutDocument document = WorkoutDocument.of(UUID.randomUUID().toString());
        document.userId = userId;
        document.sport = sport;
        document.status = WorkoutDocument.Status.COMPLETED;
        document.startTime = start;
        document.endTime = start.plusSeconds(1_800);
        document.durationSeconds = 1_800;
        document.movingTimeMillis = 1_700_000L;
        document.distanceMeters = meters;
        document.caloriesKcal = 300.5;
        document.elevationGainMeters = 42.0;
        document.maxSpeedMetersPerSecond = 4.2;
        document.tags = new ArrayList<>(List.of("a", "b"));
        document.splits = new ArrayList<>(List.of(new Split(1, 1000, 300, 290, 290.0, 3.5, 150),
                new Split(2, 500, 160, 160, 320.0, null, null)));
        document.bestEffortMillis.put("1k", 290_000L);
        document.heartRateZoneMillis = new ArrayList<>(List.of(1L, 2L, 3L, 4L, 5L));
        document.appliedEventIds = new ArrayList<>(List.of("e1", "e2"));
        document.version = 2;
        document.updatedAt = document.endTime;
        return document;
    }

    @Test
    void shouldReadBackEveryFieldWhenAWorkoutIsWrittenAndRead() {
        // given
        WorkoutDocument written = completed(UUID.randomUUID().toString(), START, "RUNNING", 5_000);
        written.title = "Tempo";
        written.avgHeartRateBpm = 151;

        // when
        models().workouts().write(List.of(written), Map.of()).await().atMost(Duration.ofSeconds(30));
        WorkoutDocument read = models().workouts().find(written.workoutId).await().atMost(Duration.ofSeconds(30))
                .orElseThrow();

        // then
        assertThat(read).usingRecursiveComparison().isEqualTo(written);
    }

    @Test
    void shouldKeepTheAthletesDataOnlyAsCiphertextWhenTheAthleteHasAKey() {
        // given: a workout with a title, a track with positions; an athlete without a key (before keys existed)
        WorkoutDocument written = completed(UUID.randomUUID().toString(), START, "RUNNING", 5_123.25);
        written.title = "canary-title-" + UUID.randomUUID();
        TrackDocument track = new TrackDocument(written.workoutId, written.userId, START, START.plus(Duration.ofDays(
                200)), List.of(new TrackSample(0, 12.3456789, 65.4321, 3.0, 100, 0, 1.0, true)), true, "e");
        String keyless = UUID.randomUUID().toString();
        KEYLESS.add(keyless);
        WorkoutDocument old = completed(keyless, START, "RUNNING", 1_000);
        old.title = "written before keys";

        // when
        models().workouts().write(List.of(written, old), Map.of()).await().atMost(Duration.ofSeconds(30));
        models().tracks().put(List.of(track)).await().atMost(Duration.ofSeconds(30));

        // then: what is stored holds neither the title nor the figures nor the position; reading opens them
        Document raw = models().workouts().raw(List.of(written.workoutId)).await().atMost(Duration.ofSeconds(30))
                .get(written.workoutId);
        assertThat(raw.toJson()).doesNotContain(written.title).doesNotContain("5123.25");
        assertThat(raw.keySet()).doesNotContain("title", "distance_meters", "splits");
        Document rawTrack = models().tracks().raw(List.of(written.workoutId)).await().atMost(Duration.ofSeconds(30))
                .get(written.workoutId);
        assertThat(rawTrack.toJson()).doesNotContain("12.3456789").doesNotContain("65.4321");
        assertThat(models().workouts().find(written.workoutId).await().atMost(Duration.ofSeconds(30)).orElseThrow()
                .title).isEqualTo(written.title);
        assertThat(models().tracks().find(written.workoutId).await().atMost(Duration.ofSeconds(30)))
                .contains(track);
        assertThat(models().workouts().find(old.workoutId).await().atMost(Duration.ofSeconds(30)).orElseThrow()
                .title).isEqualTo("written before keys");

        // and when the athlete's key is shredded (erasure), what is left cannot be opened
        KEYLESS.add(written.userId);
        assertThatThrownBy(() -> models().workouts().find(written.workoutId).await().atMost(Duration.ofSeconds(30)))
                .isInstanceOf(FieldSealing.KeyUnavailable.class);
    }

    @Test
    void shouldRefuseAWriteWhenTheDocumentChangedSinceItWasRead() {
        // given
        WorkoutDocument document = completed(UUID.randomUUID().toString(), START, "RUNNING", 5_000);
        models().workouts().write(List.of(document), Map.of()).await().atMost(Duration.ofSeconds(30));
        WorkoutDocument next = document.copy();
        next.version = 3;
        models().workouts().write(List.of(next), Map.of(document.workoutId, 2L)).await()
                .atMost(Duration.ofSeconds(30));

        // when / then: a writer that read version 2 loses; one that thinks it is new loses too
        WorkoutDocument stale = document.copy();
        stale.version = 3;
        assertThatThrownBy(() -> models().workouts().write(List.of(stale), Map.of(document.workoutId, 2L)).await()
                .atMost(Duration.ofSeconds(30))).isInstanceOf(WorkoutStore.ConcurrentChange.class);
        assertThatThrownBy(() -> models().workouts().write(List.of(stale), Map.of()).await()
                .atMost(Duration.ofSeconds(30))).isInstanceOf(WorkoutStore.ConcurrentChange.class);
    }

    @Test
    void shouldPageAnAthletesCompletedWorkoutsNewestFirstWhenListed() {
        // given: five completed workouts, two starting at the same time, one cancelled, another athlete's
        String athlete = UUID.randomUUID().toString();
        List<WorkoutDocument> documents = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            documents.add(completed(athlete, START.plus(Duration.ofDays(day)), "RUNNING", 1_000 + day));
        }
        documents.add(completed(athlete, START.plus(Duration.ofDays(3)), "CYCLING", 9_000));
        WorkoutDocument cancelled = completed(athlete, START.plus(Duration.ofDays(5)), "RUNNING", 1);
        cancelled.status = WorkoutDocument.Status.CANCELLED;
        documents.add(cancelled);
        documents.add(completed(UUID.randomUUID().toString(), START, "RUNNING", 1));
        models().workouts().write(documents, Map.of()).await().atMost(Duration.ofSeconds(30));

        // when: pages of two
        List<String> seen = new ArrayList<>();
        Instant beforeStart = null;
        String beforeId = null;
        for (int page = 0; page < 4; page++) {
            List<WorkoutDocument> found = models().workouts().page(new WorkoutStore.ListQuery(athlete, null, null,
                    null, beforeStart, beforeId, 2)).await().atMost(Duration.ofSeconds(30));
            found.forEach(document -> seen.add(document.workoutId));
            if (found.size() < 2) {
                break;
            }
            beforeStart = found.getLast().startTime;
            beforeId = found.getLast().workoutId;
        }

        // then
        List<String> expected = documents.subList(0, 5).stream()
                .sorted((a, b) -> a.startTime.equals(b.startTime) ? b.workoutId.compareTo(a.workoutId)
                        : b.startTime.compareTo(a.startTime))
                .map(document -> document.workoutId)
                .toList();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(models().workouts().page(new WorkoutStore.ListQuery(athlete, START.plus(Duration.ofDays(1)),
                START.plus(Duration.ofDays(3)), "RUNNING", null, null, 10)).await().atMost(Duration.ofSeconds(30)))
                .extracting(document -> document.workoutId)
                .containsExactly(documents.get(2).workoutId, documents.get(1).workoutId);
    }

    @Test
    void shouldDeleteExactlyTheExpiredTracksWhenPurged() {
        // given
        String athlete = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<TrackSample> samples = List.of(new TrackSample(0, 1.0, 2.0, 3.0, 100, 0, 1.0, true),
                new TrackSample(5_000, 1.0001, 2.0, null, null, 11.1, null, false));
        TrackDocument expired = new TrackDocument(UUID.randomUUID().toString(), athlete, START, now.minusSeconds(1),
                samples, true, "e");
        TrackDocument kept = new TrackDocument(UUID.randomUUID().toString(), athlete, START, now.plusSeconds(3_600),
                samples, true, "e");
        models().tracks().put(List.of(expired, kept)).await().atMost(Duration.ofSeconds(30));

        // when
        models().tracks().deleteExpired(now).await().atMost(Duration.ofSeconds(30));

        // then
        assertThat(models().tracks().find(expired.workoutId()).await().atMost(Duration.ofSeconds(30))).isEmpty();
        assertThat(models().tracks().find(kept.workoutId()).await().atMost(Duration.ofSeconds(30))).contains(kept);
        List<Document> indexes = models().mongo().getCollection(TrackStore.TRACKS).listIndexes().collect().asList()
                .await().atMost(Duration.ofSeconds(30));
        assertThat(indexes).anySatisfy(index -> assertThat(index.get("expireAfterSeconds")).isNotNull());
    }

    @Test
    void shouldCountEachWorkoutOnceWhenItsRowIsWrittenAgainWithTheSameOrANewerVersion() throws Exception {
        // given
        String athlete = UUID.randomUUID().toString();
        WorkoutDocument run = completed(athlete, START, "RUNNING", 5_000);
        WorkoutDocument ride = completed(athlete, START.plus(Duration.ofDays(8)), "CYCLING", 20_000);
        StatsStore stats = models().stats();
        stats.insert(List.of(statsRow(run, false), statsRow(ride, false)));

        // when: re-delivered, a newer version of the run, and a cancelled ride
        stats.insert(List.of(statsRow(run, false)));
        run.distanceMeters = 5_500.0;
        run.version = 3;
        stats.insert(List.of(statsRow(run, false)));
        ride.version = 3;
        stats.insert(List.of(statsRow(ride, true)));

        // then
        List<StatsStore.SportTotals> totals = stats.totals(athlete, null);
        assertThat(totals).singleElement().satisfies(sport -> {
            assertThat(sport.sport()).isEqualTo("RUNNING");
            assertThat(sport.workouts()).isEqualTo(1);
            assertThat(sport.distanceMeters()).isEqualTo(5_500.0);
            assertThat(sport.longestDistance().workoutId()).isEqualTo(run.workoutId);
            assertThat(sport.bestEfforts().get("1k").value()).isEqualTo(290_000.0);
        });
        List<StatsStore.WeekTotals> weeks = stats.weekly(athlete, null, START.minus(Duration.ofDays(7)),
                START.plus(Duration.ofDays(30)));
        assertThat(weeks).singleElement().satisfies(week -> {
            assertThat(week.week()).isEqualTo(LocalDate.parse("2025-03-03"));
            assertThat(week.distanceMeters()).isEqualTo(5_500.0);
        });
    }

    @Test
    void shouldRemoveEveryRowOfTheAthleteWhenErased() throws Exception {
        // given
        String athlete = UUID.randomUUID().toString();
        WorkoutDocument run = completed(athlete, START, "RUNNING", 5_000);
        WorkoutDocument other = completed(UUID.randomUUID().toString(), START, "RUNNING", 5_000);
        models().workouts().write(List.of(run, other), Map.of()).await().atMost(Duration.ofSeconds(30));
        models().stats().insert(List.of(statsRow(run, false), statsRow(other, false)));

        // when
        List<String> erased = models().workouts().eraseUser(athlete).await().atMost(Duration.ofSeconds(30));
        models().stats().eraseUser(athlete);

        // then
        assertThat(erased).containsExactly(run.workoutId);
        assertThat(models().workouts().find(run.workoutId).await().atMost(Duration.ofSeconds(30))).isEmpty();
        assertThat(models().workouts().erased(List.of(athlete, other.userId)).await().atMost(Duration.ofSeconds(30)))
                .containsExactly(athlete);
        assertThat(models().stats().raw(List.of(run.workoutId, other.workoutId))).containsOnlyKeys(other.workoutId);
    }

    private static StatsStore.Row statsRow(WorkoutDocument document, boolean deleted) {
        return new StatsStore.Row(document.userId, document.workoutId, document.sport, document.startTime,
                document.durationSeconds, document.movingTimeMillis, document.distanceMeters, document.caloriesKcal,
                document.elevationGainMeters, document.maxSpeedMetersPerSecond, document.bestEffortMillis,
                document.version, deleted);
    }
}
