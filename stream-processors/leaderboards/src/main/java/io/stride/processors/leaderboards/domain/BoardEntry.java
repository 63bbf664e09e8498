package io.stride.processors.leaderboards.domain;

/**
 * One athlete on one board.
 *
 * @param athleteId the athlete
 * @param value their value, in the metric's unit
 * @param reachedAtMillis when they reached it (the tie order), epoch milliseconds
 */
public record BoardEntry(String athleteId, long value, long reachedAtMillis) {
}
