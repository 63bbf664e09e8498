package io.stride.queries.workouthistory.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.stride.queries.workouthistory.api.WorkoutDetails;
import io.stride.queries.workouthistory.api.WorkoutRouteMap;
import io.stride.queries.workouthistory.api.WorkoutStats;
import io.stride.queries.workouthistory.api.WorkoutSummary;
import io.stride.queries.workouthistory.store.StatsStore;
import io.stride.queries.workouthistory.store.TrackDocument;
import io.stride.queries.workouthistory.store.WorkoutDocument;

/** Read models as the API answers them. */
public final class WorkoutViews {

    /** Trailing window of the pace series: a pace over one GPS step is noise. */
    static final long PACE_WINDOW_MILLIS = 30_000;

    private WorkoutViews() {
    }

    /** The summary of a workout's read model. */
    public static WorkoutSummary summary(WorkoutDocument workout) {
        Double movingSeconds = workout.movingTimeMillis == null ? null : workout.movingTimeMillis / 1000.0;
        Double seconds = movingSeconds != null && movingSeconds > 0 ? movingSeconds
                : workout.durationSeconds == null ? null : workout.durationSeconds.doubleValue();
        Double distance = workout.distanceMeters;
        Double speed = workout.avgSpeedMetersPerSecond != null ? workout.avgSpeedMetersPerSecond
                : distance != null && seconds != null && seconds > 0 ? distance / seconds : null;
        Double pace = distance != null && distance >= 1 && seconds != null && seconds > 0
                ? seconds / (distance / 1000.0) : null;
        return new WorkoutSummary(workout.workoutId, workout.userId, workout.sport, workout.title,
                workout.status == null ? null : workout.status.name(), workout.startTime, workout.endTime,
                workout.durationSeconds, movingSeconds, distance, workout.caloriesKcal, speed, pace,
                workout.avgHeartRateBpm, workout.elevationGainMeters, List.copyOf(workout.tags), workout.abandoned,
                workout.trackPoints > 0, workout.version);
    }

    /** Whether a workout's track is there, never was, or expired (6 months). */
    public static String trackStatus(WorkoutDocument workout, TrackDocument track, Instant now) {
        if (track != null) {
            return "available";
        }
        return workout.trackExpiresAt != null && !now.isBefore(workout.trackExpiresAt) ? "expired" : "none";
    }

    /** The details of a workout, with its track's series when kept. */
    public static WorkoutDetails details(WorkoutDocument workout, TrackDocument track, Instant now) {
        return new WorkoutDetails(summary(workout), workout.notes, workout.deviceModel, workout.source,
                workout.elevationLossMeters, workout.maxHeartRateBpm, workout.maxSpeedMetersPerSecond,
                workout.avgCadenceRpm, workout.avgPowerWatts, List.copyOf(workout.heartRateZoneMillis),
                List.copyOf(workout.splits), new LinkedHashMap<>(workout.bestEffortMillis),
                trackStatus(workout, track, now), workout.trackExpiresAt, track == null ? null : series(track));
    }

    static WorkoutDetails.Series series(TrackDocument track) {
        List<TrackSample> samples = track.samples();
        List<Double> offsets = new ArrayList<>(samples.size());
        List<Double> distances = new ArrayList<>(samples.size());
        List<Double> latitudes = new ArrayList<>(samples.size());
        List<Double> longitudes = new ArrayList<>(samples.size());
        List<Double> altitudes = new ArrayList<>(samples.size());
        List<Integer> heartRates = new ArrayList<>(samples.size());
        List<Double> speeds = new ArrayList<>(samples.size());
        List<Boolean> moving = new ArrayList<>(samples.size());
        for (TrackSample sample : samples) {
            offsets.add(track.timed() ? sample.offsetMillis() / 1000.0 : null);
            distances.add(sample.distanceMeters());
            latitudes.add(sample.latitude());
            longitudes.add(sample.longitude());
            altitudes.add(sample.altitudeMeters());
            heartRates.add(sample.heartRateBpm());
            speeds.add(sample.speedMetersPerSecond());
            moving.add(sample.moving());
        }
        List<Double> paces = track.timed() ? TrackAnalysis.paceSecondsPerKm(samples, PACE_WINDOW_MILLIS)
                : new ArrayList<>(Collections.nCopies(samples.size(), (Double) null));
        return new WorkoutDetails.Series(offsets, distances, latitudes, longitudes, altitudes, heartRates, speeds,
                paces, moving);
    }

    /**
     * The route for a map at {@code zoom} (null: the zoom that fits the route into a 512 × 512 panel), simplified
     * with a tolerance of one pixel at that zoom.
     */
    public static WorkoutRouteMap routeMap(WorkoutDocument workout, TrackDocument track, Integer zoom) {
        List<LatLon> positions = track.samples().stream()
                .filter(TrackSample::positioned)
                .map(sample -> new LatLon(sample.latitude(), sample.longitude()))
                .toList();
        RouteGeometry.Bounds bounds = RouteGeometry.bounds(positions);
        int z = zoom != null ? zoom : RouteGeometry.fitZoom(bounds, 512, 512);
        double tolerance = RouteGeometry.metersPerPixel(z, (bounds.south() + bounds.north()) / 2);
        List<LatLon> simplified = RouteGeometry.simplify(positions, tolerance);
        List<List<Double>> coordinates = simplified.stream()
                .map(point -> List.of(point.longitude(), point.latitude()))
                .toList();
        Map<String, Object> feature = Map.of("type", "Feature",
                "geometry", Map.of("type", "LineString", "coordinates", coordinates),
                "properties", Map.of("workout_id", workout.workoutId,
                        "sport", workout.sport == null ? "OTHER" : workout.sport));
        return new WorkoutRouteMap(workout.workoutId, z, tolerance, simplified.size(), positions.size(),
                new WorkoutRouteMap.Bounds(bounds.south(), bounds.west(), bounds.north(), bounds.east()),
                RouteGeometry.encodePolyline(simplified), feature);
    }

    /**
     * The statistics answer from ClickHouse's totals per sport and weekly rows: totals over the sports, each sport's
     * records, and the {@code weeks} weeks ending with {@code currentWeek}, empty ones included.
     */
    public static WorkoutStats stats(String userId, String sport, List<StatsStore.SportTotals> totals,
            List<StatsStore.WeekTotals> weekly, LocalDate currentWeek, int weeks) {
        List<WorkoutStats.SportStats> sports = totals.stream()
                .map(sportTotals -> new WorkoutStats.SportStats(sportTotals.sport(), totals(List.of(sportTotals)),
                        records(sportTotals)))
                .toList();
        Map<LocalDate, List<StatsStore.WeekTotals>> byWeek = new TreeMap<>();
        for (StatsStore.WeekTotals week : weekly) {
            byWeek.computeIfAbsent(week.week(), ignored -> new ArrayList<>()).add(week);
        }
        List<WorkoutStats.Week> weekList = new ArrayList<>(weeks);
        for (int i = weeks - 1; i >= 0; i--) {
            LocalDate start = currentWeek.minusWeeks(i);
            List<StatsStore.WeekTotals> rows = byWeek.getOrDefault(start, List.of());
            Map<String, Double> bySport = new TreeMap<>();
            rows.forEach(row -> bySport.merge(row.sport(), row.distanceMeters(), Double::sum));
            weekList.add(new WorkoutStats.Week(start, rows.stream().mapToLong(StatsStore.WeekTotals::workouts).sum(),
                    rows.stream().mapToLong(StatsStore.WeekTotals::durationSeconds).sum(),
                    rows.stream().mapToLong(StatsStore.WeekTotals::movingTimeMillis).sum() / 1000.0,
                    rows.stream().mapToDouble(StatsStore.WeekTotals::distanceMeters).sum(), bySport));
        }
        return new WorkoutStats(userId, sport, totals(totals), sports, weeks, weekList);
    }

    private static WorkoutStats.Totals totals(List<StatsStore.SportTotals> totals) {
        long workouts = totals.stream().mapToLong(StatsStore.SportTotals::workouts).sum();
        long duration = totals.stream().mapToLong(StatsStore.SportTotals::durationSeconds).sum();
        double moving = totals.stream().mapToLong(StatsStore.SportTotals::movingTimeMillis).sum() / 1000.0;
        double distance = totals.stream().mapToDouble(StatsStore.SportTotals::distanceMeters).sum();
        double seconds = moving > 0 ? moving : duration;
        return new WorkoutStats.Totals(workouts, duration, moving, distance,
                totals.stream().mapToDouble(StatsStore.SportTotals::caloriesKcal).sum(),
                totals.stream().mapToDouble(StatsStore.SportTotals::elevationGainMeters).sum(),
                seconds > 0 ? distance / seconds : null);
    }

    private static WorkoutStats.Records records(StatsStore.SportTotals totals) {
        Map<String, WorkoutStats.Best> efforts = new LinkedHashMap<>();
        totals.bestEfforts().forEach((name, record) ->
                efforts.put(name, new WorkoutStats.Best(record.value() / 1000.0, record.workoutId())));
        return new WorkoutStats.Records(best(totals.longestDistance()), best(totals.longestDuration()),
                best(totals.fastestAverageSpeed()), efforts);
    }

    private static WorkoutStats.Best best(StatsStore.Record record) {
        return record == null ? null : new WorkoutStats.Best(record.value(), record.workoutId());
    }

    /** The ClickHouse row of a workout that counts (completed) or no longer counts (cancelled after completing). */
    public static StatsStore.Row statsRow(WorkoutDocument workout) {
        return new StatsStore.Row(workout.userId, workout.workoutId, workout.sport == null ? "OTHER" : workout.sport,
                workout.startTime, workout.durationSeconds == null ? 0 : workout.durationSeconds,
                workout.movingTimeMillis == null ? 0 : workout.movingTimeMillis,
                workout.distanceMeters == null ? 0 : workout.distanceMeters,
                workout.caloriesKcal == null ? 0 : workout.caloriesKcal,
                workout.elevationGainMeters == null ? 0 : workout.elevationGainMeters,
                workout.maxSpeedMetersPerSecond == null ? 0 : workout.maxSpeedMetersPerSecond,
                workout.bestEffortMillis, workout.version, !workout.completed());
    }
}
