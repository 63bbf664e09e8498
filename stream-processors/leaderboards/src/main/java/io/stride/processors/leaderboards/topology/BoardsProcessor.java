package io.stride.processors.leaderboards.topology;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Metrics;

import io.stride.platform.kafka.DeadLetterHandler;
import io.stride.platform.workoutfacts.WorkoutEntry;
import io.stride.platform.workoutfacts.WorkoutFact;
import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.AthleteInput;
import io.stride.processors.leaderboards.domain.BoardEntry;
import io.stride.processors.leaderboards.domain.Bucket;
import io.stride.processors.leaderboards.domain.Metric;
import io.stride.processors.leaderboards.domain.Totals;

/**
 * The second stage, by athlete (ADR 0016): keeps each workout's entry ({@link WorkoutEntry}: replaced, never added;
 * a workout in progress counts on its live day only), and on every change recomputes the athlete's totals of the buckets the old and the new entry touch from all of the
 * athlete's workouts, replacing their entries in this task's shard of every board ({@link BoardIndex}) and its counts
 * ({@link BoardCounts}).
 * <ul>
 *   <li>A change of time zone re-buckets all of the athlete's workouts in the new zone.</li>
 *   <li>A hidden athlete's totals are kept but not on the boards: hiding takes their entries out, showing puts them
 *       back; a new display name changes no board (answers read it from {@link LeaderboardsTopology#ATHLETES_STORE}).
 *       </li>
 *   <li>An erasure deletes every entry, total and board entry of the athlete and remembers the athlete as erased:
 *       later records of the athlete are dropped and counted in {@code processors.erased-user-records}.</li>
 * </ul>
 */
final class BoardsProcessor implements Processor<String, AthleteInput, Void, Void> {

    private static final Logger LOG = Logger.getLogger(BoardsProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private KeyValueStore<String, WorkoutEntry> workouts;
    private KeyValueStore<String, Athlete> athletes;
    private KeyValueStore<String, Totals> totals;
    private KeyValueStore<Bytes, byte[]> board;
    private KeyValueStore<Bytes, byte[]> counts;
    private final BoardCounts.Deltas countChanges = new BoardCounts.Deltas();
    private final ActiveShards active;
    private ActiveShards.Stores opened;
    private int partition;

    BoardsProcessor(ActiveShards active) {
        this.active = active;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        workouts = context.getStateStore(LeaderboardsTopology.WORKOUTS_STORE);
        athletes = context.getStateStore(LeaderboardsTopology.ATHLETES_STORE);
        totals = context.getStateStore(LeaderboardsTopology.TOTALS_STORE);
        board = context.getStateStore(LeaderboardsTopology.BOARD_STORE);
        counts = context.getStateStore(LeaderboardsTopology.COUNTS_STORE);
        partition = context.taskId().partition();
        opened = new ActiveShards.Stores(board, counts, athletes, totals);
        active.opened(partition, opened);
    }

    @Override
    public void close() {
        active.closed(partition, opened);
    }

    @Override
    public void process(Record<String, AthleteInput> record) {
        String athlete = record.key();
        if (athlete == null || record.value() == null) {
            return;
        }
        Athlete known = athletes.get(athlete);
        Athlete profile = known == null ? Athlete.UNKNOWN : known;
        if (profile.erased()) {
            Metrics.counter(DeadLetterHandler.ERASED_RECORDS_METRIC, "topic", "leaderboards-athlete-inputs")
                    .increment();
            LOG.debugf("record of an erased athlete dropped athleteId=%s", athlete);
            return;
        }
        try {
            apply(athlete, profile, record.value());
        } finally {
            countChanges.writeTo(counts);
        }
    }

    private void apply(String athlete, Athlete profile, AthleteInput input) {
        switch (input) {
            case AthleteInput.Fact(WorkoutFact fact) -> onFact(athlete, profile, fact);
            case AthleteInput.ZoneChanged changed when !changed.zoneId().equals(profile.zoneId()) -> {
                Athlete moved = profile.withZone(changed.zoneId());
                athletes.put(athlete, moved);
                rebuild(athlete, moved);
            }
            case AthleteInput.ZoneChanged unchanged -> {
            }
            case AthleteInput.ProfileChanged changed -> onProfile(athlete, profile, changed);
            case AthleteInput.Erased erased -> erase(athlete, profile);
        }
    }

    /** A new name changes no board (answers read it); hiding takes the entries out, showing puts them back. */
    private void onProfile(String athlete, Athlete profile, AthleteInput.ProfileChanged changed) {
        Athlete next = profile.withProfile(changed.displayName(), changed.hidden());
        if (next.equals(profile)) {
            return;
        }
        athletes.put(athlete, next);
        if (next.hidden() != profile.hidden()) {
            try (KeyValueIterator<String, Totals> entries = totals.prefixScan(athlete + "/", KEYS)) {
                while (entries.hasNext()) {
                    KeyValue<String, Totals> entry = entries.next();
                    Bucket bucket = Bucket.ofPath(entry.key.substring(athlete.length() + 1));
                    if (next.hidden()) {
                        unindex(athlete, bucket, entry.value);
                    } else {
                        index(athlete, bucket, entry.value);
                    }
                }
            }
        }
    }

    private void onFact(String athlete, Athlete profile, WorkoutFact fact) {
        ZoneId zone = profile.zone();
        String key = athlete + "/" + fact.workoutId();
        WorkoutEntry previous = workouts.get(key);
        WorkoutEntry next = WorkoutEntry.apply(previous, fact);
        if (next.equals(previous)) {
            return;
        }
        workouts.put(key, next);
        Set<Bucket> affected = new LinkedHashSet<>();
        if (previous != null) {
            affected.addAll(Bucket.of(previous, zone));
        }
        affected.addAll(Bucket.of(next, zone));
        if (!affected.isEmpty()) {
            recompute(athlete, profile, affected);
        }
    }

    /**
     * Recomputes the athlete's totals of {@code buckets} from all of their counted workouts ({@code null}: all), in
     * their zone; a hidden athlete's totals are kept off the boards.
     */
    private void recompute(String athlete, Athlete profile, Set<Bucket> buckets) {
        ZoneId zone = profile.zone();
        Map<Bucket, Totals.Accumulator> sums = new HashMap<>();
        try (KeyValueIterator<String, WorkoutEntry> entries = workouts.prefixScan(athlete + "/", KEYS)) {
            while (entries.hasNext()) {
                WorkoutEntry entry = entries.next().value;
                for (Bucket bucket : Bucket.of(entry, zone)) {
                    if (buckets == null || buckets.contains(bucket)) {
                        sums.computeIfAbsent(bucket, b -> new Totals.Accumulator()).add(entry.contribution());
                    }
                }
            }
        }
        Set<Bucket> all = buckets == null ? sums.keySet() : buckets;
        for (Bucket bucket : all) {
            Totals.Accumulator sum = sums.get(bucket);
            replace(athlete, profile.hidden(), bucket, sum == null ? null : sum.totals());
        }
    }

    private void replace(String athlete, boolean hidden, Bucket bucket, Totals next) {
        String key = athlete + "/" + bucket.path();
        Totals previous = totals.get(key);
        if (Objects.equals(previous, next)) {
            return;
        }
        if (previous != null && !hidden) {
            unindex(athlete, bucket, previous);
        }
        if (next == null) {
            totals.delete(key);
            return;
        }
        totals.put(key, next);
        if (!hidden) {
            index(athlete, bucket, next);
        }
    }

    private void index(String athlete, Bucket bucket, Totals next) {
        for (Metric metric : bucket.kind().metrics()) {
            String boardKey = bucket.board(metric).toString();
            BoardEntry entry = new BoardEntry(athlete, next.value(metric), next.reachedAt(metric));
            Bytes key = BoardIndex.key(boardKey, entry);
            if (board.get(key) == null) {
                countChanges.add(boardKey, entry.value(), 1);
            }
            board.put(key, BoardIndex.value(entry));
        }
    }

    private void unindex(String athlete, Bucket bucket, Totals previous) {
        for (Metric metric : bucket.kind().metrics()) {
            String boardKey = bucket.board(metric).toString();
            long value = previous.value(metric);
            if (board.delete(BoardIndex.key(boardKey, new BoardEntry(athlete, value, previous.reachedAt(metric))))
                    != null) {
                countChanges.add(boardKey, value, -1);
            }
        }
    }

    /** Every total of the athlete, and its board entries, removed. */
    private void removeTotals(String athlete, boolean hidden) {
        List<KeyValue<String, Totals>> held = new ArrayList<>();
        try (KeyValueIterator<String, Totals> entries = totals.prefixScan(athlete + "/", KEYS)) {
            entries.forEachRemaining(held::add);
        }
        for (KeyValue<String, Totals> entry : held) {
            if (!hidden) {
                unindex(athlete, Bucket.ofPath(entry.key.substring(athlete.length() + 1)), entry.value);
            }
            totals.delete(entry.key);
        }
    }

    private void rebuild(String athlete, Athlete profile) {
        removeTotals(athlete, profile.hidden());
        recompute(athlete, profile, null);
    }

    private void erase(String athlete, Athlete profile) {
        removeTotals(athlete, profile.hidden());
        Set<String> keys = new HashSet<>();
        try (KeyValueIterator<String, WorkoutEntry> entries = workouts.prefixScan(athlete + "/", KEYS)) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(workouts::delete);
        athletes.put(athlete, Athlete.ERASED);
        LOG.debugf("athlete erased from every board athleteId=%s workouts=%d", athlete, keys.size());
    }
}
