package io.stride.commands.workouts.domain;

/** Kind of activity (the contract's {@code SportType}). */
public enum Sport {
    RUNNING, CYCLING, WALKING, HIKING, SWIMMING, ROWING, OTHER
}
