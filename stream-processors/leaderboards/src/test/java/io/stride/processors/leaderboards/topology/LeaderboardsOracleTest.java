package io.stride.processors.leaderboards.topology;

import static io.stride.processors.leaderboards.topology.LeaderboardsDriver.cancel;
import static io.stride.processors.leaderboards.topology.LeaderboardsDriver.completed;
import static io.stride.processors.leaderboards.topology.LeaderboardsDriver.sportEdit;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.stride.processors.leaderboards.domain.BoardEntry;
import io.stride.processors.leaderboards.domain.Ranking;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.UpdateSource;
import io.stride.schemas.workout.WorkoutCancelled;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutUpdated;

/**
 * Random workouts over many athletes and time zones, shuffled, duplicated, corrected, re-sported, cancelled, with zone
 * changes, athletes hiding from and coming back to public boards, and erasures among them: every board equals the one a
 * brute-force oracle computes from the inputs by the rules of ADR 0016, written independently of the processor (its own
 * calendar arithmetic from the zone's offset, its own definition of when a value was reached: the first end time at
 * which the running sum equals it).
 */
class LeaderboardsOracleTest {

    static final List<String> ZONES = List.of("America/New_York", "America/Los_Angeles", "Europe/Lisbon",
            "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland", "Asia/Kolkata",
            "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC");
    /** Starts are drawn within 40 h of these: year and ISO-week boundaries, daylight-saving changes, a month end. */
    static final List<Instant> ANCHORS = List.of(
            Instant.parse("2025-12-29T00:00:00Z"), // Monday of 2026-W01, in 2025
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2024-12-30T00:00:00Z"), // Monday of 2025-W01, in 2024
            Instant.parse("2020-12-31T12:00:00Z"), // 2020-W53
            Instant.parse("2025-03-09T07:00:00Z"), // New York and Los Angeles spring forward
            Instant.parse("2025-03-30T01:00:00Z"), // Lisbon and Berlin spring forward
            Instant.parse("2025-04-05T16:00:00Z"), // Sydney and Auckland fall back
            Instant.parse("2025-10-26T01:00:00Z"), // Lisbon and Berlin fall back
            Instant.parse("2025-11-02T06:00:00Z"), // New York and Los Angeles fall back
            Instant.parse("2025-05-31T22:00:00Z"));
    static final List<SportType> SPORTS = List.of(SportType.RUNNING, SportType.CYCLING, SportType.WALKING,
            SportType.SWIMMING);
    static final String[] METRICS = {"distance", "moving-time", "elevation-gain", "calories", "workouts", "longest"};

    sealed interface Input {
    }

    record Event(UUID workout, SpecificRecord event) implements Input {
    }

    /** live-workout's progress update, on its own topic. */
    record Progress(UUID workout, SpecificRecord event) implements Input {
    }

    record Zone(UUID athlete, String zone) implements Input {
    }

    record Erase(UUID athlete) implements Input {
    }

    /** The athlete's public profile: hidden or shown (the last one piped holds). */
    record Hide(UUID athlete, boolean hidden) implements Input {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void shouldEqualTheOraclesBoardsWhenRandomWorkoutsArriveShuffledDuplicatedCorrectedAndCancelled(long seed) {
        // the test driver commits, and so flushes RocksDB, after every record (some 35 ms): memory stores here,
        // RocksDB (as in production) in the next test
        shouldEqualTheOraclesBoards(seed, 70, 500, new LeaderboardsDriver(Stores::inMemoryKeyValueStore));
    }

    @Test
    void shouldEqualTheOraclesBoardsWhenTheStoresAreRocksDbAsInProduction() {
        // fewer workouts: some 2 minutes for 500 on this machine
        shouldEqualTheOraclesBoards(100, 30, 150, new LeaderboardsDriver());
    }

    void shouldEqualTheOraclesBoards(long seed, int athleteCount, int workoutCount, LeaderboardsDriver driver) {
        // given: athletes, workouts and their events, zones and 4 erasures, shuffled
        Random random = new Random(seed);
        List<UUID> athletes = new ArrayList<>();
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < athleteCount; i++) {
            UUID athlete = UUID.randomUUID();
            athletes.add(athlete);
            int zones = random.nextInt(3);
            for (int z = 0; z < zones; z++) {
                inputs.add(new Zone(athlete, ZONES.get(random.nextInt(ZONES.size()))));
            }
            if (random.nextInt(5) == 0) {
                inputs.add(new Zone(athlete, null));
            }
            int choices = random.nextInt(6) == 0 ? 1 + random.nextInt(3) : 0;
            for (int c = 0; c < choices; c++) {
                inputs.add(new Hide(athlete, random.nextBoolean()));
            }
        }
        Map<UUID, UUID> athleteOf = new HashMap<>();
        for (int i = 0; i < workoutCount; i++) {
            UUID athlete = athletes.get(random.nextInt(athletes.size()));
            UUID workout = UUID.randomUUID();
            athleteOf.put(workout, athlete);
            inputs.addAll(eventsOfOneWorkout(random, workout, athlete));
        }
        for (int i = 0; i < 4; i++) {
            inputs.add(new Erase(athletes.get(i)));
        }
        Collections.shuffle(inputs, random);

        // when
        Map<String, List<BoardEntry>> boards;
        try (LeaderboardsDriver lb = driver) {
            for (Input input : inputs) {
                switch (input) {
                    case Event event -> lb.pipe(event.workout(), event.event());
                    case Progress progress -> lb.progress(progress.workout(), progress.event());
                    case Zone zone -> lb.zone(zone.athlete(), zone.zone());
                    case Erase erase -> lb.erase(erase.athlete());
                    case Hide hide -> lb.profile(hide.athlete(), hide.hidden() ? null : "A. " + hide.athlete(),
                            hide.hidden());
                }
            }
            boards = lb.boards();
            // the count index counts exactly the entries of each board: sizes and entries of a greater value
            assertThat(lb.countedBoards()).isEqualTo(boards.keySet().stream()
                    .map(board -> Bytes.wrap(BoardCounts.digest(board))).collect(Collectors.toSet()));
            LocalShard shard = lb.shard();
            for (var board : boards.entrySet()) {
                List<BoardEntry> entries = board.getValue();
                assertThat(shard.top(board.getKey(), 1).size()).as("size of %s", board.getKey())
                        .isEqualTo(entries.size());
                long[] asked = entries.stream().flatMapToLong(entry -> LongStream.of(entry.value(),
                        entry.value() + 1, Math.max(0, entry.value() - 1))).toArray();
                long[] greater = shard.countGreater(board.getKey(), asked);
                for (int i = 0; i < asked.length; i++) {
                    long value = asked[i];
                    assertThat(greater[i]).as("entries of %s over %d", board.getKey(), value)
                            .isEqualTo(entries.stream().filter(entry -> entry.value() > value).count());
                }
            }
            assertThat(lb.eventDeadLetters.isEmpty()).isTrue();
            assertThat(lb.progressDeadLetters.isEmpty()).isTrue();
            assertThat(lb.metricsDeadLetters.isEmpty()).isTrue();
        }

        // then
        Map<String, List<BoardEntry>> expected = oracle(inputs, athleteOf);
        assertThat(new TreeMap<>(boards).keySet()).isEqualTo(new TreeMap<>(expected).keySet());
        for (var board : expected.entrySet()) {
            List<BoardEntry> actual = boards.get(board.getKey());
            assertThat(actual).as(board.getKey()).isEqualTo(board.getValue());
            assertThat(Ranking.competition(actual.stream().map(BoardEntry::value).toList()))
                    .as("ranks of %s", board.getKey()).containsExactly(oracleRanks(board.getValue()));
        }
        // and the run was a real test: ties, several athletes per board, every period kind, hidden athletes
        assertThat(inputs).anyMatch(input -> input instanceof Hide hide && hide.hidden());
        assertThat(expected.values()).anySatisfy(entries -> assertThat(entries.size()).isGreaterThan(5));
        assertThat(expected.values().stream().filter(LeaderboardsOracleTest::hasTie).count()).isGreaterThan(20);
        assertThat(expected.keySet()).anyMatch(board -> board.startsWith("global/week/2026-W01/"))
                .anyMatch(board -> board.startsWith("global/week/2020-W53/"))
                .anyMatch(board -> board.startsWith("global/day/2025-03-09/"))
                .anyMatch(board -> board.startsWith("global/live/2025-03-09/"));
        // workouts in progress on the live day, some with a completed one of the same athlete beside them
        assertThat(inProgress(inputs, athleteOf)).isGreaterThan(workoutCount / 20);
    }

    /** How many workouts were started and never completed nor cancelled, of athletes on the boards. */
    static long inProgress(List<Input> inputs, Map<UUID, UUID> athleteOf) {
        Map<UUID, List<SpecificRecord>> eventsOf = new HashMap<>();
        for (Input input : inputs) {
            if (input instanceof Event(UUID workout, SpecificRecord event)) {
                eventsOf.computeIfAbsent(workout, w -> new ArrayList<>()).add(event);
            }
        }
        return eventsOf.values().stream().filter(events -> events.stream().anyMatch(WorkoutStarted.class::isInstance)
                && events.stream().noneMatch(e -> e instanceof WorkoutCompleted || e instanceof WorkoutCancelled))
                .count();
    }

    static List<Input> eventsOfOneWorkout(Random random, UUID workout, UUID athlete) {
        List<Input> events = new ArrayList<>();
        Instant start = ANCHORS.get(random.nextInt(ANCHORS.size()))
                .plus(Duration.ofMinutes(random.nextInt(80 * 60) - 40 * 60));
        int minutes = 10 + random.nextInt(170);
        Instant end = start.plusSeconds(minutes * 60L);
        Set<Instant> used = new HashSet<>();
        // a late import is recorded days after it happened
        Instant recorded = distinct(used, end.plusSeconds(random.nextInt(10) == 0
                ? 86_400L * (1 + random.nextInt(30)) : random.nextInt(60)));
        WorkoutCompleted completion = completed(workout, athlete, recorded, start, minutes, sportOrNull(random),
                500.0 * (1 + random.nextInt(40)), 10.0 * random.nextInt(5), 100.0 * (1 + random.nextInt(8)));
        events.add(new Event(workout, completion));
        if (random.nextInt(4) == 0) {
            events.add(new Event(workout, completion));
        }
        if (random.nextInt(10) == 0) {
            int corrected = 10 + random.nextInt(170);
            events.add(new Event(workout, completed(workout, athlete,
                    distinct(used, recorded.plusSeconds(3600 + random.nextInt(3600))), start, corrected,
                    sportOrNull(random), 500.0 * (1 + random.nextInt(40)), 10.0 * random.nextInt(5),
                    100.0 * (1 + random.nextInt(8)))));
        }
        if (random.nextInt(4) == 0) {
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits; e++) {
                events.add(new Event(workout, sportEdit(workout, athlete,
                        distinct(used, recorded.plusSeconds(1 + random.nextInt(7200))),
                        SPORTS.get(random.nextInt(SPORTS.size())))));
            }
        }
        if (random.nextInt(20) == 0) {
            // an edit while it was still going: the completion's sport is newer
            events.add(new Event(workout, sportEdit(workout, athlete, distinct(used, start.plusSeconds(60)),
                    SPORTS.get(random.nextInt(SPORTS.size())))));
        }
        if (random.nextInt(8) == 0) {
            events.add(new Event(workout, cancel(workout, athlete, end.plusSeconds(random.nextInt(600)))));
        }
        if (random.nextInt(3) == 0) {
            // live: its start, and progress updates (a late one after the completion, some at the same instant)
            events.add(new Event(workout, LeaderboardsDriver.started(workout, athlete, distinct(used, start),
                    SPORTS.get(random.nextInt(SPORTS.size())))));
            int updates = random.nextInt(4);
            for (int u = 0; u < updates; u++) {
                Instant at = start.plusSeconds(random.nextInt(minutes * 60 + 600));
                events.add(new Progress(workout, LeaderboardsDriver.progressed(workout, athlete, at,
                        100.0 * random.nextInt(100))));
                if (random.nextInt(3) == 0) {
                    events.add(new Progress(workout, LeaderboardsDriver.progressed(workout, athlete, at,
                            100.0 * random.nextInt(100))));
                }
            }
            if (random.nextInt(10) == 0) {
                // a progress update written to the events topic before progress had a topic of its own
                events.add(new Event(workout, aWorkoutUpdated().forWorkout(workout, athlete).at(start.plusSeconds(5))
                        .build()));
            }
            if (random.nextInt(3) == 0) {
                // still going: no completion yet
                events.removeIf(event -> event instanceof Event(UUID w, WorkoutCompleted c));
            }
        }
        if (random.nextInt(10) == 0) {
            events.add(events.get(random.nextInt(events.size())));
        }
        return events;
    }

    static Instant distinct(Set<Instant> used, Instant at) {
        Instant free = at;
        while (!used.add(free)) {
            free = free.plusMillis(1);
        }
        return free;
    }

    static SportType sportOrNull(Random random) {
        return random.nextInt(10) == 0 ? null : SPORTS.get(random.nextInt(SPORTS.size()));
    }

    /**
     * One counted workout, as the oracle sees it.
     *
     * @param end when it ended; in progress, when its distance was measured
     * @param inProgress started and not completed: on its live day only
     */
    record Counted(UUID athlete, Instant start, Instant end, String sport, long[] values, boolean inProgress) {
    }

    /** The boards by brute force from the inputs, in the order they were piped. */
    static Map<String, List<BoardEntry>> oracle(List<Input> inputs, Map<UUID, UUID> athleteOf) {
        Map<UUID, ZoneId> zones = new HashMap<>();
        Set<UUID> erased = new HashSet<>();
        Set<UUID> hidden = new HashSet<>();
        Map<UUID, List<SpecificRecord>> eventsOf = new LinkedHashMap<>();
        for (Input input : inputs) {
            switch (input) {
                case Zone zone when zone.zone() != null -> zones.put(zone.athlete(), ZoneId.of(zone.zone()));
                case Zone ignored -> {
                }
                case Erase erase -> erased.add(erase.athlete());
                case Hide hide when hide.hidden() -> hidden.add(hide.athlete());
                case Hide shown -> hidden.remove(shown.athlete());
                case Event event -> eventsOf.computeIfAbsent(event.workout(), w -> new ArrayList<>())
                        .add(event.event());
                case Progress progress -> eventsOf.computeIfAbsent(progress.workout(), w -> new ArrayList<>())
                        .add(progress.event());
            }
        }
        List<Counted> counted = new ArrayList<>();
        for (var workout : eventsOf.entrySet()) {
            UUID athlete = athleteOf.get(workout.getKey());
            List<SpecificRecord> events = workout.getValue();
            if (erased.contains(athlete) || hidden.contains(athlete)
                    || events.stream().anyMatch(WorkoutCancelled.class::isInstance)) {
                continue;
            }
            WorkoutCompleted latest = events.stream()
                    .filter(WorkoutCompleted.class::isInstance).map(WorkoutCompleted.class::cast)
                    .max(Comparator.comparing(WorkoutCompleted::getTimestamp)).orElse(null);
            List<WorkoutStarted> starts = events.stream()
                    .filter(WorkoutStarted.class::isInstance).map(WorkoutStarted.class::cast).toList();
            if (latest == null && starts.isEmpty()) {
                continue;
            }
            Instant sportAt = Instant.MIN;
            String sport = "OTHER";
            for (SpecificRecord event : events) {
                if (event instanceof WorkoutCompleted completion && completion.getData().getSportType() != null
                        && completion.getTimestamp().isAfter(sportAt)) {
                    sportAt = completion.getTimestamp();
                    sport = completion.getData().getSportType().name();
                }
                if (event instanceof WorkoutUpdated edit && edit.getData().getSource() == UpdateSource.ATHLETE
                        && edit.getData().getSportType() != null && edit.getTimestamp().isAfter(sportAt)) {
                    sportAt = edit.getTimestamp();
                    sport = edit.getData().getSportType().name();
                }
                if (event instanceof WorkoutStarted start && start.getTimestamp().isAfter(sportAt)) {
                    sportAt = start.getTimestamp();
                    sport = start.getData().getSportType().name();
                }
            }
            if (latest == null) {
                // in progress: on its live day, with the distance of its latest update (the greater at a tie)
                Instant start = starts.stream().map(started -> started.getData().getStartTime())
                        .min(Comparator.naturalOrder()).orElseThrow();
                WorkoutUpdated update = events.stream().filter(WorkoutUpdated.class::isInstance)
                        .map(WorkoutUpdated.class::cast).filter(u -> u.getData().getSource() == UpdateSource.LIVE)
                        .max(Comparator.comparing(WorkoutUpdated::getTimestamp)
                                .thenComparingDouble(u -> u.getData().getCurrentDistanceMeters())).orElse(null);
                long distance = update == null ? 0 : Math.round(update.getData().getCurrentDistanceMeters() * 10);
                counted.add(new Counted(athlete, start, update == null ? start : update.getTimestamp(), sport,
                        new long[] {distance, 0, 0, 0, 0, distance}, true));
                continue;
            }
            var data = latest.getData();
            long distance = Math.round(data.getDistanceMeters() * 10);
            counted.add(new Counted(athlete, data.getStartTime(), data.getEndTime(), sport, new long[] {
                    distance, data.getFigures().getMovingTimeMillis(),
                    Math.round(data.getFigures().getElevationGainMeters() * 10),
                    Math.round(data.getCaloriesBurned() * 10), 1, distance}, false));
        }
        // bucket → athlete → workouts
        Map<String, Map<UUID, List<Counted>>> buckets = new HashMap<>();
        for (Counted workout : counted) {
            ZoneId zone = zones.getOrDefault(workout.athlete(), ZoneId.of("UTC"));
            LocalDate day = LocalDateTime.ofEpochSecond(workout.start().getEpochSecond(), 0,
                    zone.getRules().getOffset(workout.start())).toLocalDate();
            List<String> periods = workout.inProgress() ? List.of("live/" + day) : List.of("day/" + day,
                    "live/" + day,
                    "week/" + day.get(WeekFields.ISO.weekBasedYear()) + "-W"
                            + String.format("%02d", day.get(WeekFields.ISO.weekOfWeekBasedYear())),
                    "month/" + day.getYear() + "-" + String.format("%02d", day.getMonthValue()),
                    "year/" + day.getYear(), "all/all");
            for (String period : periods) {
                for (String sport : List.of(workout.sport(), "ALL")) {
                    buckets.computeIfAbsent("global/" + period + "/" + sport, b -> new HashMap<>())
                            .computeIfAbsent(workout.athlete(), a -> new ArrayList<>()).add(workout);
                }
            }
        }
        Map<String, List<BoardEntry>> boards = new HashMap<>();
        for (var bucket : buckets.entrySet()) {
            // the live day ranks distance only
            int metrics = bucket.getKey().startsWith("global/live/") ? 1 : METRICS.length;
            for (int metric = 0; metric < metrics; metric++) {
                List<BoardEntry> entries = new ArrayList<>();
                for (var athlete : bucket.getValue().entrySet()) {
                    entries.add(entry(athlete.getKey(), athlete.getValue(), metric));
                }
                entries.sort(Comparator.comparingLong(BoardEntry::value).reversed()
                        .thenComparingLong(BoardEntry::reachedAtMillis)
                        .thenComparing(BoardEntry::athleteId));
                boards.put(bucket.getKey() + "/" + METRICS[metric], entries);
            }
        }
        return boards;
    }

    /** An athlete's value on a board, and the first end time at which they had it. */
    static BoardEntry entry(UUID athlete, List<Counted> workouts, int metric) {
        List<Counted> byEnd = new ArrayList<>(workouts);
        byEnd.sort(Comparator.comparing(Counted::end));
        if (metric == 5) {
            long longest = byEnd.stream().mapToLong(w -> w.values()[5]).max().orElseThrow();
            Counted first = byEnd.stream().filter(w -> w.values()[5] == longest).findFirst().orElseThrow();
            return new BoardEntry(athlete.toString(), longest, first.end().toEpochMilli());
        }
        long total = byEnd.stream().mapToLong(w -> w.values()[metric]).sum();
        long running = 0;
        for (Counted workout : byEnd) {
            running += workout.values()[metric];
            if (running == total) {
                return new BoardEntry(athlete.toString(), total, workout.end().toEpochMilli());
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Rank = 1 + how many have a strictly greater value. */
    static int[] oracleRanks(List<BoardEntry> entries) {
        return entries.stream()
                .mapToInt(entry -> 1 + (int) entries.stream().filter(other -> other.value() > entry.value()).count())
                .toArray();
    }

    static boolean hasTie(List<BoardEntry> entries) {
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).value() == entries.get(i - 1).value()) {
                return true;
            }
        }
        return false;
    }
}
