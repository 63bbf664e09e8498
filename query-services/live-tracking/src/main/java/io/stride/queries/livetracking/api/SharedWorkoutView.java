package io.stride.queries.livetracking.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A workout in progress as a share link shows it to anyone holding the link's token: the figures of
 * {@link LiveWorkoutView}, and no internal id — no workout id (with it, anyone holding a link could aim samples or
 * requests at that workout), no user id, no device id.
 *
 * <p>What identifies the view is {@code shareLinkId}, the id of the share link itself. It is chosen over a reference
 * derived from the token or from the workout id because:
 * <ul>
 *   <li>it names the share, not the workout: two links to the same workout have different ids, so no id ties their
 *   viewers' views together, and nothing about the workout can be derived from it (it is random, not a hash of
 *   anything, and unlike a value derived from the token it reveals nothing about the credential);</li>
 *   <li>it grants nothing: every endpoint that takes a link id is the owner's (their access token and the workout
 *   id are required), and the viewer already holds the link's token, a stronger credential for the same link;</li>
 *   <li>it is the same on every instance (it is stored with the link in Redis), so a forwarded answer from the peer
 *   that holds the workout carries the same reference, and a page keys its route by it across reconnects;</li>
 *   <li>the owner sees the same id in their list of links, so "the link with id …" means the same thing to both.</li>
 * </ul>
 * Figures the processor has not computed are null, as in {@link LiveWorkoutView}.
 */
public record SharedWorkoutView(
        UUID shareLinkId,
        String sport,
        String status,
        long sampleCount,
        Instant startedAt,
        Instant lastRecordedAt,
        LiveWorkoutView.Position lastPosition,
        double distanceMeters,
        Long elapsedTimeMillis,
        Long movingTimeMillis,
        Double speedMetersPerSecond,
        Double avgSpeedMetersPerSecond,
        Double currentPaceSecondsPerKm,
        Double avgPaceSecondsPerKm,
        Integer heartRateBpm,
        Integer avgHeartRateBpm,
        Integer maxHeartRateBpm,
        List<Long> heartRateZoneMillis,
        Double elevationGainMeters,
        Double elevationLossMeters,
        Double caloriesKcal,
        Integer avgCadenceRpm,
        Integer maxCadenceRpm,
        Integer avgPowerWatts,
        Integer maxPowerWatts,
        Instant updatedAt) {
}
