package io.stride.commands.workouts.domain;

/** Who drove a step of a workout's lifecycle (the contract's {@code WorkoutSource}). */
public enum Source {
    /** The athlete's app, with a user token. */
    APP,
    /** The wearable itself, with its device credential. */
    DEVICE,
    /** A device that only streams samples: live-workout's claim of the workout. */
    SAMPLES,
    /** A recording import (GPX, TCX, FIT). */
    IMPORT,
    /** The platform: a workout that went quiet, finished by live-workout as abandoned. */
    PLATFORM
}
