package io.stride.commands.workouts.domain;

/** What someone asks of a workout; {@link Workout#decide} answers with events or a {@link WorkoutError}. */
public sealed interface WorkoutCommand permits StartWorkoutCommand, UpdateWorkoutCommand, PauseWorkoutCommand,
        ResumeWorkoutCommand, CompleteWorkoutCommand, CancelWorkoutCommand, AddWorkoutTagCommand,
        RecordFinalFiguresCommand, ImportWorkoutCommand {

    /** The command's name in errors ({@code pause}, {@code complete}, …). */
    default String name() {
        return switch (this) {
            case StartWorkoutCommand start -> "start";
            case UpdateWorkoutCommand update -> "update";
            case PauseWorkoutCommand pause -> "pause";
            case ResumeWorkoutCommand resume -> "resume";
            case CompleteWorkoutCommand complete -> "complete";
            case CancelWorkoutCommand cancel -> "cancel";
            case AddWorkoutTagCommand tag -> "add_tag";
            case RecordFinalFiguresCommand figures -> "record_final_figures";
            case ImportWorkoutCommand imported -> "import";
        };
    }
}
