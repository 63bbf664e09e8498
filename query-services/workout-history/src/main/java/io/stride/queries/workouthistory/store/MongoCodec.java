package io.stride.queries.workouthistory.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;

import io.stride.queries.workouthistory.mapping.Split;
import io.stride.queries.workouthistory.mapping.TrackSample;

/**
 * The read models as MongoDB documents, field by field (snake_case, times as BSON dates): explicit, so that what is
 * stored is what this class says. What queries filter and sort on is in clear (ids, sport, status, times, version and
 * the applied event ids); everything else of the athlete — figures, free text, splits, the track — is one BSON
 * document sealed with the athlete's telemetry key in the field {@code sealed} ({@link FieldSealing}).
 */
final class MongoCodec {

    private static final DocumentCodec CODEC = new DocumentCodec();

    private final FieldSealing sealing;

    MongoCodec(FieldSealing sealing) {
        this.sealing = sealing;
    }

    Document toDocument(WorkoutDocument workout) {
        Document body = new Document("title", workout.title)
                .append("notes", workout.notes)
                .append("device_model", workout.deviceModel)
                .append("source", workout.source)
                .append("end_time", date(workout.endTime))
                .append("duration_seconds", workout.durationSeconds)
                .append("moving_time_millis", workout.movingTimeMillis)
                .append("distance_meters", workout.distanceMeters)
                .append("calories_kcal", workout.caloriesKcal)
                .append("elevation_gain_meters", workout.elevationGainMeters)
                .append("elevation_loss_meters", workout.elevationLossMeters)
                .append("avg_heart_rate_bpm", workout.avgHeartRateBpm)
                .append("max_heart_rate_bpm", workout.maxHeartRateBpm)
                .append("avg_speed_mps", workout.avgSpeedMetersPerSecond)
                .append("max_speed_mps", workout.maxSpeedMetersPerSecond)
                .append("avg_cadence_rpm", workout.avgCadenceRpm)
                .append("avg_power_watts", workout.avgPowerWatts)
                .append("heart_rate_zone_millis", workout.heartRateZoneMillis)
                .append("abandoned", workout.abandoned)
                .append("tags", workout.tags)
                .append("splits", workout.splits.stream().map(MongoCodec::split).toList())
                .append("best_effort_millis", new Document(new LinkedHashMap<>(workout.bestEffortMillis)))
                .append("track_points", workout.trackPoints)
                .append("track_timed", workout.trackTimed);
        return new Document("_id", workout.workoutId)
                .append("user_id", workout.userId)
                .append("sport", workout.sport)
                .append("status", workout.status == null ? null : workout.status.name())
                .append("start_time", date(workout.startTime))
                .append("track_expires_at", date(workout.trackExpiresAt))
                .append("applied_event_ids", workout.appliedEventIds)
                .append("version", workout.version)
                .append("updated_at", date(workout.updatedAt))
                .append("sealed", new Binary(sealing.seal(workout.userId, workout.workoutId + "/workout",
                        bytes(body))));
    }

    WorkoutDocument toWorkout(Document document) {
        WorkoutDocument workout = new WorkoutDocument();
        workout.workoutId = document.getString("_id");
        workout.userId = document.getString("user_id");
        workout.sport = document.getString("sport");
        String status = document.getString("status");
        workout.status = status == null ? null : WorkoutDocument.Status.valueOf(status);
        workout.startTime = instant(document.getDate("start_time"));
        workout.trackExpiresAt = instant(document.getDate("track_expires_at"));
        workout.appliedEventIds = new ArrayList<>(document.getList("applied_event_ids", String.class, List.of()));
        workout.version = document.getLong("version");
        workout.updatedAt = instant(document.getDate("updated_at"));
        Document body = document(sealing.open(workout.userId, workout.workoutId + "/workout",
                document.get("sealed", Binary.class).getData()));
        fromBody(workout, body);
        return workout;
    }

    private static void fromBody(WorkoutDocument workout, Document document) {
        workout.title = document.getString("title");
        workout.notes = document.getString("notes");
        workout.deviceModel = document.getString("device_model");
        workout.source = document.getString("source");
        workout.endTime = instant(document.getDate("end_time"));
        workout.durationSeconds = document.getInteger("duration_seconds");
        workout.movingTimeMillis = document.getLong("moving_time_millis");
        workout.distanceMeters = document.getDouble("distance_meters");
        workout.caloriesKcal = document.getDouble("calories_kcal");
        workout.elevationGainMeters = document.getDouble("elevation_gain_meters");
        workout.elevationLossMeters = document.getDouble("elevation_loss_meters");
        workout.avgHeartRateBpm = document.getInteger("avg_heart_rate_bpm");
        workout.maxHeartRateBpm = document.getInteger("max_heart_rate_bpm");
        workout.avgSpeedMetersPerSecond = document.getDouble("avg_speed_mps");
        workout.maxSpeedMetersPerSecond = document.getDouble("max_speed_mps");
        workout.avgCadenceRpm = document.getInteger("avg_cadence_rpm");
        workout.avgPowerWatts = document.getInteger("avg_power_watts");
        workout.heartRateZoneMillis = new ArrayList<>(document.getList("heart_rate_zone_millis", Long.class, List.of()));
        workout.abandoned = document.getBoolean("abandoned", false);
        workout.tags = new ArrayList<>(document.getList("tags", String.class, List.of()));
        workout.splits = new ArrayList<>(document.getList("splits", Document.class, List.of()).stream()
                .map(MongoCodec::toSplit)
                .toList());
        Map<String, Long> efforts = new LinkedHashMap<>();
        Document bestEfforts = document.get("best_effort_millis", Document.class);
        if (bestEfforts != null) {
            bestEfforts.forEach((name, millis) -> efforts.put(name, ((Number) millis).longValue()));
        }
        workout.bestEffortMillis = efforts;
        workout.trackPoints = document.getInteger("track_points", 0);
        workout.trackTimed = document.getBoolean("track_timed", false);
    }

    private static Document split(Split split) {
        return new Document("number", split.number())
                .append("distance_meters", split.distanceMeters())
                .append("elapsed_seconds", split.elapsedSeconds())
                .append("moving_seconds", split.movingSeconds())
                .append("pace_seconds_per_km", split.paceSecondsPerKm())
                .append("elevation_change_meters", split.elevationChangeMeters())
                .append("avg_heart_rate_bpm", split.avgHeartRateBpm());
    }

    private static Split toSplit(Document split) {
        return new Split(split.getInteger("number"), split.getDouble("distance_meters"),
                split.getDouble("elapsed_seconds"), split.getDouble("moving_seconds"),
                split.getDouble("pace_seconds_per_km"), split.getDouble("elevation_change_meters"),
                split.getInteger("avg_heart_rate_bpm"));
    }

    /**
     * A track: its expiry and ids in clear, the points sealed as parallel arrays (one entry per point in each, null
     * where the point has no value).
     */
    Document toDocument(TrackDocument track) {
        List<TrackSample> samples = track.samples();
        Document points = new Document("offset_millis", samples.stream().map(TrackSample::offsetMillis).toList())
                .append("latitude", nullable(samples.stream().map(TrackSample::latitude).toList()))
                .append("longitude", nullable(samples.stream().map(TrackSample::longitude).toList()))
                .append("altitude_meters", nullable(samples.stream().map(TrackSample::altitudeMeters).toList()))
                .append("heart_rate_bpm", nullable(samples.stream().map(TrackSample::heartRateBpm).toList()))
                .append("distance_meters", samples.stream().map(TrackSample::distanceMeters).toList())
                .append("speed_mps", nullable(samples.stream().map(TrackSample::speedMetersPerSecond).toList()))
                .append("moving", samples.stream().map(TrackSample::moving).toList());
        return new Document("_id", track.workoutId())
                .append("user_id", track.userId())
                .append("start_time", date(track.startTime()))
                .append("expires_at", date(track.expiresAt()))
                .append("timed", track.timed())
                .append("applied_event_id", track.appliedEventId())
                .append("point_count", samples.size())
                .append("sealed", new Binary(sealing.seal(track.userId(), track.workoutId() + "/track",
                        bytes(points))));
    }

    TrackDocument toTrack(Document stored) {
        Document document = document(sealing.open(stored.getString("user_id"), stored.getString("_id") + "/track",
                stored.get("sealed", Binary.class).getData()));
        List<Long> offsets = document.getList("offset_millis", Long.class);
        List<Double> latitudes = document.getList("latitude", Double.class);
        List<Double> longitudes = document.getList("longitude", Double.class);
        List<Double> altitudes = document.getList("altitude_meters", Double.class);
        List<Integer> heartRates = document.getList("heart_rate_bpm", Integer.class);
        List<Double> distances = document.getList("distance_meters", Double.class);
        List<Double> speeds = document.getList("speed_mps", Double.class);
        List<Boolean> moving = document.getList("moving", Boolean.class);
        List<TrackSample> samples = new ArrayList<>(offsets.size());
        for (int i = 0; i < offsets.size(); i++) {
            samples.add(new TrackSample(offsets.get(i), latitudes.get(i), longitudes.get(i), altitudes.get(i),
                    heartRates.get(i), distances.get(i), speeds.get(i), moving.get(i)));
        }
        return new TrackDocument(stored.getString("_id"), stored.getString("user_id"),
                instant(stored.getDate("start_time")), instant(stored.getDate("expires_at")), samples,
                stored.getBoolean("timed", true), stored.getString("applied_event_id"));
    }

    private static byte[] bytes(Document document) {
        ByteBuffer buffer = new RawBsonDocument(document, CODEC).getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Document document(byte[] bytes) {
        return new RawBsonDocument(bytes).decode(CODEC);
    }

    /** A list that may hold nulls (List.toList() of a stream allows them; kept as its own step for readers). */
    private static <T> List<T> nullable(List<T> values) {
        return new ArrayList<>(values);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
