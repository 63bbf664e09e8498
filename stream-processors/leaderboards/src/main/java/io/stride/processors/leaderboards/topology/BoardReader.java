package io.stride.processors.leaderboards.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.BoardEntry;
import io.stride.processors.leaderboards.domain.BoardKey;
import io.stride.processors.leaderboards.domain.Bucket;
import io.stride.processors.leaderboards.domain.Totals;
import io.stride.processors.leaderboards.topology.BoardShard.Listed;

/**
 * Reads boards over every shard (one per partition, ADR 0016), wherever each is held: the top N is the merge of each
 * shard's top N; a rank (competition ranking: one more than the entries with a greater value) is summed over the
 * shards' count indexes, so it costs the same far down a board of a million athletes as at its top. The caller hands
 * in every shard, or none: a board read from some shards only would give wrong ranks. An athlete's own totals and
 * profile are read from the stores of this instance, which the caller makes sure holds the athlete.
 */
public final class BoardReader {

    private final List<BoardShard> shards;
    private final List<ReadOnlyKeyValueStore<String, Totals>> totals;
    private final List<ReadOnlyKeyValueStore<String, Athlete>> athletes;

    /**
     * @param shards every shard of the boards
     * @param totals the shards of {@link LeaderboardsTopology#TOTALS_STORE} held here
     * @param athletes the shards of {@link LeaderboardsTopology#ATHLETES_STORE} held here
     */
    public BoardReader(List<BoardShard> shards, List<ReadOnlyKeyValueStore<String, Totals>> totals,
            List<ReadOnlyKeyValueStore<String, Athlete>> athletes) {
        this.shards = List.copyOf(shards);
        this.totals = List.copyOf(totals);
        this.athletes = List.copyOf(athletes);
    }

    /** An entry with its rank and the name boards show for its athlete (null when none is known). */
    public record Ranked(int rank, BoardEntry entry, String displayName) {
    }

    /** The first entries of a board, ranked, and how many athletes it holds. */
    public record Top(List<Ranked> entries, long size) {
    }

    /**
     * An athlete's place on a board.
     *
     * @param athlete the athlete's entry and rank
     * @param above up to k entries before it, in board order
     * @param below up to k entries after it, in board order
     * @param size how many athletes the board holds
     */
    public record Standing(Ranked athlete, List<Ranked> above, List<Ranked> below, long size) {

        /** The athlete's rank as a share of the board: 1 % means in the top hundredth. */
        public double topPercent() {
            return 100.0 * athlete.rank() / size;
        }
    }

    /** The first {@code limit} entries of {@code board}, ranked, and its size. */
    public Top top(BoardKey board, int limit) {
        List<Listed> merged = new ArrayList<>();
        long size = 0;
        for (BoardShard shard : shards) {
            BoardShard.Top top = shard.top(board.toString(), limit);
            merged.addAll(top.entries());
            size += top.size();
        }
        merged.sort((a, b) -> BoardIndex.ORDER.compare(a.entry(), b.entry()));
        List<Ranked> ranked = new ArrayList<>(Math.min(limit, merged.size()));
        int rank = 0;
        for (Listed entry : merged.subList(0, Math.min(limit, merged.size()))) {
            int position = ranked.size() + 1;
            if (ranked.isEmpty() || ranked.getLast().entry().value() != entry.entry().value()) {
                rank = position;
            }
            ranked.add(new Ranked(rank, entry.entry(), entry.displayName()));   // names read for the kept only
        }
        return new Top(ranked, size);
    }

    /** Where {@code athleteId} stands on {@code board} with {@code neighbours} entries either side; empty if absent. */
    public Optional<Standing> standing(BoardKey board, String athleteId, int neighbours) {
        return standing(board, athleteId, neighbours, false);
    }

    /**
     * Where {@code athleteId} would stand on {@code board} were they shown, for the athlete who hides from public
     * boards (their totals are kept, their entries are not on the board): their entry is placed where the board's
     * order puts it, ranked among the others, and counted in the size. Empty when they have no total on the board's
     * period and sport; the same as {@link #standing} when they are on the board.
     */
    public Optional<Standing> ownStanding(BoardKey board, String athleteId, int neighbours) {
        return standing(board, athleteId, neighbours, true);
    }

    /** The athlete as the boards know them (zone, name, hidden, erased); empty when nothing is known here. */
    public Optional<Athlete> athlete(String athleteId) {
        for (ReadOnlyKeyValueStore<String, Athlete> shard : athletes) {
            Athlete found = shard.get(athleteId);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private Optional<Standing> standing(BoardKey board, String athleteId, int neighbours, boolean evenIfHidden) {
        Athlete athlete = athlete(athleteId).orElse(Athlete.UNKNOWN);
        Totals mine = totalsOf(athleteId, new Bucket(board.kind(), board.periodId(), board.sport()));
        if (mine == null || athlete.hidden() && !evenIfHidden) {
            return Optional.empty();
        }
        // a hidden athlete is not on the board: placed where they would be, and counted in ranks below and the size
        int placed = athlete.hidden() ? 1 : 0;
        BoardEntry own = new BoardEntry(athleteId, mine.value(board.metric()), mine.reachedAt(board.metric()));
        List<Listed> above = new ArrayList<>();
        List<Listed> below = new ArrayList<>();
        long size = placed;
        for (BoardShard shard : shards) {
            BoardShard.Window window = shard.around(board.toString(), own, neighbours);
            above.addAll(window.above());
            below.addAll(window.below());
            size += window.size();
        }
        above.sort((a, b) -> BoardIndex.ORDER.compare(a.entry(), b.entry()));
        below.sort((a, b) -> BoardIndex.ORDER.compare(a.entry(), b.entry()));
        above = above.subList(Math.max(0, above.size() - neighbours), above.size());
        below = below.subList(0, Math.min(neighbours, below.size()));

        TreeSet<Long> values = new TreeSet<>();
        values.add(own.value());
        above.forEach(entry -> values.add(entry.entry().value()));
        below.forEach(entry -> values.add(entry.entry().value()));
        Map<Long, Integer> ranks = ranksOf(board.toString(), values);
        Ranked ownRanked = new Ranked(ranks.get(own.value()), own, athlete.displayName());
        return Optional.of(new Standing(ownRanked, ranked(above, ranks, own.value(), 0),
                ranked(below, ranks, own.value(), placed), size));
    }

    /** The competition rank of each value: one more than the entries of a greater value over every shard. */
    private Map<Long, Integer> ranksOf(String board, Collection<Long> values) {
        long[] asked = values.stream().mapToLong(Long::longValue).toArray();
        long[] greater = new long[asked.length];
        for (BoardShard shard : shards) {
            long[] counted = shard.countGreater(board, asked);
            for (int i = 0; i < asked.length; i++) {
                greater[i] += counted[i];
            }
        }
        Map<Long, Integer> ranks = new HashMap<>();
        for (int i = 0; i < asked.length; i++) {
            ranks.put(asked[i], Math.toIntExact(1 + greater[i]));
        }
        return ranks;
    }

    /** The entries ranked; those below {@code ownValue} one rank lower for an athlete placed on the board. */
    private static List<Ranked> ranked(List<Listed> entries, Map<Long, Integer> ranks, long ownValue, int placed) {
        return entries.stream().map(entry -> new Ranked(
                ranks.get(entry.entry().value()) + (entry.entry().value() < ownValue ? placed : 0),
                entry.entry(), entry.displayName())).toList();
    }

    private Totals totalsOf(String athleteId, Bucket bucket) {
        String key = athleteId + "/" + bucket.path();
        for (ReadOnlyKeyValueStore<String, Totals> shard : totals) {
            Totals found = shard.get(key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
