package io.stride.commands.workouts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.stride.commands.workouts.domain.WorkoutError.AlreadyStarted;
import io.stride.commands.workouts.domain.WorkoutError.InvalidTime;
import io.stride.commands.workouts.domain.WorkoutError.InvalidTransition;
import io.stride.commands.workouts.domain.WorkoutError.NotStarted;
import io.stride.commands.workouts.domain.WorkoutError.TagLimitReached;
import io.stride.commands.workouts.domain.WorkoutEvent.Cancelled;
import io.stride.commands.workouts.domain.WorkoutEvent.Completed;
import io.stride.commands.workouts.domain.WorkoutEvent.CompletionRequested;
import io.stride.commands.workouts.domain.WorkoutEvent.Paused;
import io.stride.commands.workouts.domain.WorkoutEvent.Resumed;
import io.stride.commands.workouts.domain.WorkoutEvent.Started;
import io.stride.commands.workouts.domain.WorkoutEvent.TagAdded;
import io.stride.commands.workouts.domain.WorkoutEvent.Updated;

/** Every transition and every rejection of the aggregate, as given events / when command / then events. */
class WorkoutTest {

    private static final UUID WORKOUT = UUID.fromString("6f1f4a52-2b1c-4d8e-9a7b-3c5d6e7f8a90");
    private static final UUID ATHLETE = UUID.fromString("0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e");
    private static final Instant START = Instant.parse("2025-04-05T15:00:00Z");
    private static final Instant NOW = Instant.parse("2025-04-05T15:50:00Z");

    // --- the scenario language -----------------------------------------------------------------------------------

    private static Decision when(List<WorkoutEvent> given, WorkoutCommand command) {
        return Workout.replay(WORKOUT, given).decide(command, NOW);
    }

    private static List<WorkoutEvent> given(WorkoutEvent... events) {
        return List.of(events);
    }

    private static void thenEvents(Decision decision, WorkoutEvent... expected) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        assertThat(((Decision.Accepted) decision).events()).containsExactly(expected);
    }

    private static void thenNothing(Decision decision) {
        assertThat(decision).isEqualTo(new Decision.Accepted(List.of()));
    }

    private static void thenRejected(Decision decision, WorkoutError expected) {
        assertThat(decision).isEqualTo(new Decision.Rejected(expected));
    }

    /** The id the aggregate gives the event of this version. */
    private static UUID id(long version) {
        return UUID.nameUUIDFromBytes(("stride.workout-event/" + WORKOUT + "/" + version)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private static Started started() {
        return new Started(id(1), WORKOUT, ATHLETE, START, Sport.RUNNING, START, new GeoPosition(55.7558, 37.6173),
                "Apple Watch Series 9", Source.APP, "Morning run");
    }

    private static Paused paused(long version, int minute) {
        return new Paused(id(version), WORKOUT, ATHLETE, at(minute), Source.APP);
    }

    private static Resumed resumed(long version, int minute) {
        return new Resumed(id(version), WORKOUT, ATHLETE, at(minute), Source.APP);
    }

    private static CompletionRequested requested(long version, Source by) {
        return new CompletionRequested(id(version), WORKOUT, ATHLETE, NOW, at(45), by);
    }

    private static FinalFigures figures(EndReason reason) {
        return new FinalFigures(reason, START.plusSeconds(2), at(45), 2_700, 2_698_500, 2_600_000, 5_200.5, 42.0,
                40.0, 320.4, 140, 171, 2.0, 4.1, 84, null, null, List.of(60_000L, 600_000L, 1_200_000L, 800_000L,
                38_500L), List.of(
                        new TrackPoint(0, 55.7558, 37.6173, 140.0, 120, 0.0, 0.0, false),
                        new TrackPoint(5_000, null, null, null, 125, 10.0, 2.0, true),
                        new TrackPoint(10_000, 55.7560, 37.6180, 141.0, 130, 20.0, 2.1, true)));
    }

    private static Completed completed(long version, EndReason reason, boolean abandoned, Source source) {
        FinalFigures figures = figures(reason);
        return new Completed(id(version), WORKOUT, ATHLETE, NOW, at(45), 2_698, 5_200.5, 320.4,
                List.of(new GeoPosition(55.7558, 37.6173), new GeoPosition(55.7560, 37.6180)), Sport.RUNNING,
                START.plusSeconds(2), abandoned, source, figures);
    }

    private static Cancelled cancelled(long version) {
        return new Cancelled(id(version), WORKOUT, ATHLETE, NOW, "rain", Source.APP);
    }

    /** A stream that leaves the workout in {@code status}. */
    private static List<WorkoutEvent> history(WorkoutStatus status) {
        return switch (status) {
            case ACTIVE -> given(started());
            case PAUSED -> given(started(), paused(2, 10));
            case COMPLETING -> given(started(), requested(2, Source.APP));
            case COMPLETED -> given(started(), requested(2, Source.APP), completed(3, EndReason.COMPLETED, false,
                    Source.APP));
            case CANCELLED -> given(started(), cancelled(2));
        };
    }

    private static long versionOf(WorkoutStatus status) {
        return history(status).size();
    }

    // --- start ---------------------------------------------------------------------------------------------------

    @Nested
    class Start {

        @Test
        void shouldStartTheWorkoutForItsAthleteWhenNothingHappenedYet() {
            // given / when
            Decision decision = when(given(), new StartWorkoutCommand(ATHLETE, Sport.RUNNING, START,
                    new GeoPosition(55.7558, 37.6173), "Apple Watch Series 9", "Morning run", Source.APP));

            // then
            thenEvents(decision, started());
        }

        @Test
        void shouldStartNowWhenNoStartTimeIsGiven() {
            // given / when
            Decision decision = when(given(), new StartWorkoutCommand(ATHLETE, Sport.CYCLING, null, null, null, null,
                    Source.SAMPLES));

            // then
            thenEvents(decision, new Started(id(1), WORKOUT, ATHLETE, NOW, Sport.CYCLING, NOW, null, null,
                    Source.SAMPLES, null));
        }

        @ParameterizedTest
        @EnumSource(WorkoutStatus.class)
        void shouldRefuseWhenTheWorkoutExists(WorkoutStatus status) {
            // given / when
            Decision decision = when(history(status), new StartWorkoutCommand(ATHLETE, Sport.RUNNING, START, null,
                    null, null, Source.APP));

            // then
            thenRejected(decision, new AlreadyStarted(WORKOUT, status, versionOf(status)));
        }
    }

    // --- pause and resume ----------------------------------------------------------------------------------------

    @Nested
    class PauseAndResume {

        @Test
        void shouldPauseWhenActive() {
            // given / when
            Decision decision = when(history(WorkoutStatus.ACTIVE), new PauseWorkoutCommand(at(10), Source.APP));

            // then
            thenEvents(decision, paused(2, 10));
        }

        @Test
        void shouldResumeWhenPaused() {
            // given / when
            Decision decision = when(history(WorkoutStatus.PAUSED), new ResumeWorkoutCommand(at(12), Source.APP));

            // then
            thenEvents(decision, resumed(3, 12));
        }

        @Test
        void shouldPauseAgainWhenResumed() {
            // given / when
            Decision decision = when(given(started(), paused(2, 10), resumed(3, 12)),
                    new PauseWorkoutCommand(at(20), Source.DEVICE));

            // then
            thenEvents(decision, new Paused(id(4), WORKOUT, ATHLETE, at(20), Source.DEVICE));
        }

        @Test
        void shouldPauseNowWhenNoTimeIsGiven() {
            // given / when
            Decision decision = when(history(WorkoutStatus.ACTIVE), new PauseWorkoutCommand(null, Source.APP));

            // then
            thenEvents(decision, new Paused(id(2), WORKOUT, ATHLETE, NOW, Source.APP));
        }

        @ParameterizedTest
        @EnumSource(value = WorkoutStatus.class, names = {"PAUSED", "COMPLETING", "COMPLETED", "CANCELLED"})
        void shouldRefusePauseWhenNotActive(WorkoutStatus status) {
            // given / when
            Decision decision = when(history(status), new PauseWorkoutCommand(at(30), Source.APP));

            // then
            thenRejected(decision, new InvalidTransition("pause", status, versionOf(status)));
        }

        @ParameterizedTest
        @EnumSource(value = WorkoutStatus.class, names = {"ACTIVE", "COMPLETING", "COMPLETED", "CANCELLED"})
        void shouldRefuseResumeWhenNotPaused(WorkoutStatus status) {
            // given / when
            Decision decision = when(history(status), new ResumeWorkoutCommand(at(30), Source.APP));

            // then
            thenRejected(decision, new InvalidTransition("resume", status, versionOf(status)));
        }

        @Test
        void shouldRefuseAPauseBeforeTheStart() {
            // given / when
            Decision decision = when(history(WorkoutStatus.ACTIVE), new PauseWorkoutCommand(at(-1), Source.APP));

            // then
            thenRejected(decision, new InvalidTime("at", "The pause is before the workout's last start or resume",
                    WorkoutStatus.ACTIVE, 1));
        }

        @Test
        void shouldRefuseAResumeBeforeThePause() {
            // given / when
            Decision decision = when(history(WorkoutStatus.PAUSED), new ResumeWorkoutCommand(at(9), Source.APP));

            // then
            thenRejected(decision, new InvalidTime("at", "The resume is before the pause", WorkoutStatus.PAUSED, 2));
        }
    }

    // --- complete and cancel -------------------------------------------------------------------------------------

    @Nested
    class CompleteAndCancel {

        @ParameterizedTest
        @EnumSource(value = WorkoutStatus.class, names = {"ACTIVE", "PAUSED"})
        void shouldRequestTheCompletionWhenRunning(WorkoutStatus status) {
            // given / when
            Decision decision = when(history(status), new CompleteWorkoutCommand(at(45), Source.APP));

            // then
            thenEvents(decision, new CompletionRequested(id(versionOf(status) + 1), WORKOUT, ATHLETE, NOW, at(45),
                    Source.APP));
        }

        @ParameterizedTest
        @EnumSource(value = WorkoutStatus.class, names = {"COMPLETING", "COMPLETED", "CANCELLED"})
        void shouldRefuseCompletionWhenNotRunning(WorkoutStatus status) {
            // given / when
            Decision decision = when(history(status), new CompleteWorkoutCommand(null, Source.APP));

            // then
            thenRejected(decision, new InvalidTransition("complete", status, versionOf(status)));
        }

        @Test
        void shouldRefuseAnEndBeforeTheLastPause() {
            // given / when
            Decision decision = when(history(WorkoutStatus.PAUSED), new CompleteWorkoutCommand(at(5), Source.APP));

            // then
            thenRejected(decision, new InvalidTime("end_time", "The end is before the workout's last start, pause "
                    + "or resume", WorkoutStatus.PAUSED, 2));
        }

        @ParameterizedTest
        @EnumSource(value = WorkoutStatus.class, names = {"ACTIVE", "PAUSED"})
        void shouldCancelWhenRunning(WorkoutStatus status) {
            // given / when
            Decision decision = when(history(status), new CancelWorkoutCommand("rain", Source.APP));

            // then
            thenEvents(decision, cancelled(versionOf(status) + 1));
        }

        @ParameterizedTest
        @EnumSource(value = WorkoutStatus.class, names = {"COMPLETING", "COMPLETED", "CANCELLED"})
        void shouldRefuseCancellationWhenNotRunning(WorkoutStatus status) {
            // given / when
            Decision decision = when(history(status), new CancelWorkoutCommand(null, Source.APP));

            // then
            thenRejected(decision, new InvalidTransition("cancel", status, versionOf(status)));
        }
    }

    // --- live-workout's final figures ----------------------------------------------------------------------------

    @Nested
    class FinalFiguresOfLiveWorkout {

        @Test
        void shouldCompleteWithExactlyTheFiguresWhenCompleting() {
            // given / when
            Decision decision = when(history(WorkoutStatus.COMPLETING),
                    new RecordFinalFiguresCommand(ATHLETE, figures(EndReason.COMPLETED)));

            // then
            thenEvents(decision, completed(3, EndReason.COMPLETED, false, Source.APP));
        }

        @Test
        void shouldNameTheRequesterAsTheSourceWhenADeviceAskedForTheEnd() {
            // given / when
            Decision decision = when(given(started(), requested(2, Source.DEVICE)),
                    new RecordFinalFiguresCommand(ATHLETE, figures(EndReason.COMPLETED)));

            // then
            thenEvents(decision, completed(3, EndReason.COMPLETED, false, Source.DEVICE));
        }

        @ParameterizedTest
        @EnumSource(value = WorkoutStatus.class, names = {"ACTIVE", "PAUSED"})
        void shouldCompleteAsAbandonedByThePlatformWhenLiveWorkoutFinishedAQuietWorkout(WorkoutStatus status) {
            // given / when
            Decision decision = when(history(status),
                    new RecordFinalFiguresCommand(ATHLETE, figures(EndReason.ABANDONED)));

            // then
            thenEvents(decision, completed(versionOf(status) + 1, EndReason.ABANDONED, true, Source.PLATFORM));
        }

        @ParameterizedTest
        @EnumSource(value = WorkoutStatus.class, names = {"COMPLETED", "CANCELLED"})
        void shouldChangeNothingWhenTheWorkoutIsFinished(WorkoutStatus status) {
            // given / when
            Decision decision = when(history(status),
                    new RecordFinalFiguresCommand(ATHLETE, figures(EndReason.COMPLETED)));

            // then
            thenNothing(decision);
        }

        @Test
        void shouldRefuseTheFiguresOfAnotherAthlete() {
            // given: live-workout held the workout for someone else (their samples came first there)
            UUID other = UUID.randomUUID();

            // when
            Decision decision = when(history(WorkoutStatus.COMPLETING),
                    new RecordFinalFiguresCommand(other, figures(EndReason.COMPLETED)));

            // then
            thenRejected(decision, new WorkoutError.ForeignFigures(WORKOUT, other, WorkoutStatus.COMPLETING, 2));
        }

        @Test
        void shouldStartAndCompleteAWorkoutNeverSeen() {
            // given
            FinalFigures figures = figures(EndReason.ABANDONED);

            // when
            Decision decision = when(given(), new RecordFinalFiguresCommand(ATHLETE, figures));

            // then
            Instant firstSample = START.plusSeconds(2);
            thenEvents(decision,
                    new Started(id(1), WORKOUT, ATHLETE, firstSample, Sport.OTHER, firstSample, null, null,
                            Source.SAMPLES, null),
                    new Completed(id(2), WORKOUT, ATHLETE, NOW, at(45), 2_698, 5_200.5, 320.4,
                            List.of(new GeoPosition(55.7558, 37.6173), new GeoPosition(55.7560, 37.6180)),
                            Sport.OTHER, firstSample, true, Source.PLATFORM, figures));
        }

        @Test
        void shouldCompleteWithZeroesWhenTheWorkoutHadNoSample() {
            // given
            FinalFigures empty = new FinalFigures(EndReason.COMPLETED, null, at(45), 0, 0, 0, 0.0, null, null, null,
                    null, null, null, null, null, null, null, List.of(), List.of());

            // when
            Decision decision = when(history(WorkoutStatus.COMPLETING), new RecordFinalFiguresCommand(ATHLETE, empty));

            // then
            thenEvents(decision, new Completed(id(3), WORKOUT, ATHLETE, NOW, at(45), 0, 0.0, 0.0, List.of(),
                    Sport.RUNNING, START, false, Source.APP, empty));
        }
    }

    // --- tags and edits ------------------------------------------------------------------------------------------

    @Nested
    class TagsAndEdits {

        @ParameterizedTest
        @EnumSource(value = WorkoutStatus.class, names = {"ACTIVE", "PAUSED", "COMPLETING", "COMPLETED"})
        void shouldAddANormalisedTagWhenNotCancelled(WorkoutStatus status) {
            // given / when
            Decision decision = when(history(status), new AddWorkoutTagCommand("  Race "));

            // then
            thenEvents(decision, new TagAdded(id(versionOf(status) + 1), WORKOUT, ATHLETE, NOW, "race"));
        }

        @Test
        void shouldChangeNothingWhenTheTagIsThere() {
            // given / when
            Decision decision = when(given(started(), new TagAdded(id(2), WORKOUT, ATHLETE, NOW, "race")),
                    new AddWorkoutTagCommand("RACE"));

            // then
            thenNothing(decision);
        }

        @Test
        void shouldRefuseATagBeyondTheLimit() {
            // given
            List<WorkoutEvent> history = new ArrayList<>(List.of(started()));
            for (int i = 0; i < Tags.MAX_PER_WORKOUT; i++) {
                history.add(new TagAdded(id(i + 2), WORKOUT, ATHLETE, NOW, "tag-" + i));
            }

            // when
            Decision decision = when(history, new AddWorkoutTagCommand("one-more"));

            // then
            thenRejected(decision, new TagLimitReached(Tags.MAX_PER_WORKOUT, Tags.MAX_PER_WORKOUT + 1));
        }

        @Test
        void shouldRefuseAnInvalidTagAsABug() {
            // given / when / then: the API validates tags before they reach the aggregate
            assertThatThrownBy(() -> when(history(WorkoutStatus.ACTIVE), new AddWorkoutTagCommand("no spaces")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldRecordOnlyTheChangedFieldsWhenTheAthleteEdits() {
            // given / when
            Decision decision = when(history(WorkoutStatus.ACTIVE),
                    new UpdateWorkoutCommand(Sport.RUNNING, "Evening run", "legs heavy"));

            // then
            thenEvents(decision, new Updated(id(2), WORKOUT, ATHLETE, NOW, null, "Evening run", "legs heavy", 0.0,
                    null));
        }

        @Test
        void shouldCarryTheFinalFiguresWhenACompletedWorkoutIsEdited() {
            // given / when
            Decision decision = when(history(WorkoutStatus.COMPLETED),
                    new UpdateWorkoutCommand(Sport.HIKING, null, null));

            // then
            thenEvents(decision, new Updated(id(4), WORKOUT, ATHLETE, NOW, Sport.HIKING, null, null, 5_200.5, 140));
        }

        @Test
        void shouldChangeNothingWhenTheEditChangesNothing() {
            // given / when
            Decision decision = when(history(WorkoutStatus.ACTIVE),
                    new UpdateWorkoutCommand(Sport.RUNNING, "Morning run", null));

            // then
            thenNothing(decision);
        }

        @Test
        void shouldRefuseTagsAndEditsWhenCancelled() {
            // given / when
            Decision tag = when(history(WorkoutStatus.CANCELLED), new AddWorkoutTagCommand("race"));
            Decision edit = when(history(WorkoutStatus.CANCELLED), new UpdateWorkoutCommand(null, "x", null));

            // then
            thenRejected(tag, new InvalidTransition("add_tag", WorkoutStatus.CANCELLED, 2));
            thenRejected(edit, new InvalidTransition("update", WorkoutStatus.CANCELLED, 2));
        }
    }

    // --- imports and unknown workouts ----------------------------------------------------------------------------

    @Nested
    class ImportsAndUnknownWorkouts {

        @Test
        void shouldStartAndRequestTheCompletionInOneGoWhenARecordingIsImported() {
            // given / when
            Decision decision = when(given(), new ImportWorkoutCommand(ATHLETE, Sport.HIKING, START, at(90), "Alps",
                    "Garmin Fenix 7"));

            // then
            thenEvents(decision,
                    new Started(id(1), WORKOUT, ATHLETE, START, Sport.HIKING, START, null, "Garmin Fenix 7",
                            Source.IMPORT, "Alps"),
                    new CompletionRequested(id(2), WORKOUT, ATHLETE, at(90), at(90), Source.IMPORT));
        }

        @Test
        void shouldRefuseAnImportThatEndsBeforeItStarts() {
            // given / when
            Decision decision = when(given(), new ImportWorkoutCommand(ATHLETE, Sport.HIKING, at(90), START, null,
                    null));

            // then
            thenRejected(decision, new InvalidTime("end_time", "The end is before the start", null, 0));
        }

        @Test
        void shouldRefuseAnImportOfAnExistingWorkout() {
            // given / when
            Decision decision = when(history(WorkoutStatus.COMPLETED), new ImportWorkoutCommand(ATHLETE,
                    Sport.HIKING, START, at(90), null, null));

            // then
            thenRejected(decision, new AlreadyStarted(WORKOUT, WorkoutStatus.COMPLETED, 3));
        }

        @Test
        void shouldCompleteTheWorkoutItsOwnSamplesStartedWhenTheRecordingIsImported() {
            // given: the recording's samples reached live-workout first, whose claim started the workout
            Started bySamples = new Started(id(1), WORKOUT, ATHLETE, START, Sport.OTHER, START, null, null,
                    Source.SAMPLES, null);

            // when
            Decision decision = when(given(bySamples), new ImportWorkoutCommand(ATHLETE, Sport.HIKING, START, at(90),
                    "Alps", null));

            // then: the recording's sport and title, then its completion at its last point
            thenEvents(decision,
                    new Updated(id(2), WORKOUT, ATHLETE, at(90), Sport.HIKING, "Alps", null, 0.0, null),
                    new CompletionRequested(id(3), WORKOUT, ATHLETE, at(90), at(90), Source.IMPORT));
        }

        @Test
        void shouldOnlyRequestTheCompletionWhenTheSamplesStartedWorkoutAlreadyHasTheRecordingsSport() {
            // given
            Started bySamples = new Started(id(1), WORKOUT, ATHLETE, START, Sport.HIKING, START, null, null,
                    Source.SAMPLES, null);

            // when / then
            thenEvents(when(given(bySamples), new ImportWorkoutCommand(ATHLETE, Sport.HIKING, START, at(90), null,
                            null)),
                    new CompletionRequested(id(2), WORKOUT, ATHLETE, at(90), at(90), Source.IMPORT));
        }

        @Test
        void shouldRefuseAnImportOfAWorkoutTheAppStartedOrAnotherAthletesSamplesStarted() {
            // given: started by the app; started by samples of someone else
            Started byTheApp = started();
            Started bySomeoneElse = new Started(id(1), WORKOUT, UUID.randomUUID(), START, Sport.OTHER, START, null,
                    null, Source.SAMPLES, null);
            ImportWorkoutCommand imported = new ImportWorkoutCommand(ATHLETE, Sport.HIKING, START, at(90), null,
                    null);

            // when / then
            thenRejected(when(given(byTheApp), imported), new AlreadyStarted(WORKOUT, WorkoutStatus.ACTIVE, 1));
            thenRejected(when(given(bySomeoneElse), imported), new AlreadyStarted(WORKOUT, WorkoutStatus.ACTIVE, 1));
        }

        @ParameterizedTest
        @EnumSource(names = {"PAUSE", "RESUME", "COMPLETE", "CANCEL", "TAG", "UPDATE"})
        void shouldRefuseEveryOtherCommandWhenTheWorkoutWasNeverStarted(Kind kind) {
            // given / when
            Decision decision = when(given(), kind.command);

            // then
            thenRejected(decision, new NotStarted(WORKOUT));
        }
    }

    enum Kind {
        PAUSE(new PauseWorkoutCommand(null, Source.APP)),
        RESUME(new ResumeWorkoutCommand(null, Source.APP)),
        COMPLETE(new CompleteWorkoutCommand(null, Source.APP)),
        CANCEL(new CancelWorkoutCommand(null, Source.APP)),
        TAG(new AddWorkoutTagCommand("race")),
        UPDATE(new UpdateWorkoutCommand(null, "title", null));

        final WorkoutCommand command;

        Kind(WorkoutCommand command) {
            this.command = command;
        }
    }

    // --- the fold ------------------------------------------------------------------------------------------------

    @Test
    void shouldFoldTheStreamIntoTheCurrentState() {
        // given
        List<WorkoutEvent> stream = given(started(), paused(2, 10), resumed(3, 12),
                new TagAdded(id(4), WORKOUT, ATHLETE, NOW, "race"), requested(5, Source.DEVICE),
                completed(6, EndReason.COMPLETED, false, Source.DEVICE));

        // when
        Workout workout = Workout.replay(WORKOUT, stream);

        // then
        assertThat(workout.version()).isEqualTo(6);
        assertThat(workout.status()).isEqualTo(WorkoutStatus.COMPLETED);
        assertThat(workout.userId()).isEqualTo(ATHLETE);
        assertThat(workout.tags()).containsExactly("race");
        assertThat(workout.completedBy()).isEqualTo(Source.DEVICE);
        assertThat(workout.endTime()).isEqualTo(at(45));
        assertThat(workout.figures()).isEqualTo(figures(EndReason.COMPLETED));
        assertThat(workout.startTime()).isEqualTo(START.plusSeconds(2));
        assertThat(Arrays.stream(WorkoutStatus.values()).filter(WorkoutStatus::running))
                .containsExactly(WorkoutStatus.ACTIVE, WorkoutStatus.PAUSED);
    }

    @Test
    void shouldDecideTheSameEventsTwiceOnTheSameState() {
        // given
        Workout workout = Workout.replay(WORKOUT, history(WorkoutStatus.ACTIVE));

        // when
        Decision first = workout.decide(new PauseWorkoutCommand(at(10), Source.APP), NOW);
        Decision second = workout.decide(new PauseWorkoutCommand(at(10), Source.APP), NOW);

        // then
        assertThat(first).isEqualTo(second);
    }
}
