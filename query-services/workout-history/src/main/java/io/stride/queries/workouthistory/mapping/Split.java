package io.stride.queries.workouthistory.mapping;

/**
 * One split of a workout: the stretch from {@code (number - 1)} km to {@code number} km (the last one may be
 * shorter), as Strava and Garmin list them.
 *
 * @param number              1-based split number
 * @param distanceMeters      length of the split (1,000 m except maybe the last)
 * @param elapsedSeconds      clock time spent on it
 * @param movingSeconds       time spent moving on it (auto-pause), which its pace is based on
 * @param paceSecondsPerKm    moving time per kilometre; null when the split was covered without moving time
 * @param elevationChangeMeters altitude at its end minus altitude at its start; null without altitude
 * @param avgHeartRateBpm     time-weighted average heart rate over the split; null without heart rate
 */
public record Split(int number, double distanceMeters, double elapsedSeconds, double movingSeconds,
        Double paceSecondsPerKm, Double elevationChangeMeters, Integer avgHeartRateBpm) {
}
