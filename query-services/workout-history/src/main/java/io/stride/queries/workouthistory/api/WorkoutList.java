package io.stride.queries.workouthistory.api;

import java.util.List;

/**
 * WorkoutList (architecture document, read models): one page of an athlete's completed workouts, newest first.
 *
 * @param nextCursor opaque; pass it as {@code cursor} for the next page; null on the last page
 */
public record WorkoutList(List<WorkoutSummary> workouts, String nextCursor) {
}
