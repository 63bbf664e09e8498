package io.stride.queries.workouthistory.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import io.stride.queries.workouthistory.WorkoutEvents;
import io.stride.queries.workouthistory.mapping.ContractEvents;
import io.stride.queries.workouthistory.mapping.TrackSample;
import io.stride.queries.workouthistory.mapping.Tracks;
import io.stride.queries.workouthistory.mapping.WorkoutEvent;
import io.stride.queries.workouthistory.store.WorkoutDocument;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.WorkoutCompleted;

/** Given events, then the read model: the fold of the contract records into a workout's document. */
class WorkoutFoldTest {

    private static final Instant START = Instant.parse("2025-06-01T06:00:00Z");
    private final WorkoutFold fold = new WorkoutFold(Period.ofMonths(6));
    private final UUID athlete = UUID.randomUUID();
    private final WorkoutEvents.Workout workout = WorkoutEvents.Workout.of(athlete, START, SportType.RUNNING);
    private final List<TrackSample> track = Tracks.north(55.75, 37.61, 5, List.of(new Tracks.Leg(625, 4.0, true)));

    private WorkoutDocument foldAll(SpecificRecord... records) {
        WorkoutDocument document = null;
        for (SpecificRecord record : records) {
            var event = ContractEvents.toEvent(record);
            if (event.isEmpty()) {
                continue;
            }
            if (fold.apply(document, event.get()) instanceof WorkoutFold.Outcome.Applied applied) {
                document = applied.document();
            }
        }
        return document;
    }

    @Test
    void shouldKeepTheRouteOfARecordingImportedYearsLaterSixMonthsFromItsImport() {
        // given: a run of 2019 whose completion the platform recorded today (an import)
        WorkoutEvents.Workout old = WorkoutEvents.Workout.of(athlete, Instant.parse("2019-03-10T07:00:00Z"),
                SportType.RUNNING);
        WorkoutCompleted completed = old.completed(track, 180);
        completed.setTimestamp(Instant.parse("2026-12-07T03:40:00Z"));

        // when
        WorkoutDocument document = foldAll(old.started("Imported"), completed);

        // then: dated 2019, its coordinates kept until 6 months after the import
        assertThat(document.startTime).isEqualTo(Instant.parse("2019-03-10T07:00:00Z"));
        assertThat(document.trackExpiresAt).isEqualTo(Instant.parse("2027-06-07T03:40:00Z"));
    }

    @Test
    void shouldHoldTheFinalFiguresSplitsAndTagsWhenAWorkoutIsCompleted() {
        // when
        WorkoutDocument document = foldAll(workout.started("Morning run"), workout.progress(800),
                workout.completionRequested(START.plusSeconds(625)), workout.completed(track, 180),
                workout.tagAdded("race"), workout.tagAdded(" race "), workout.edited(null, "felt good", null));

        // then
        assertThat(document.status).isEqualTo(WorkoutDocument.Status.COMPLETED);
        assertThat(document.userId).isEqualTo(athlete.toString());
        assertThat(document.sport).isEqualTo("RUNNING");
        assertThat(document.title).isEqualTo("Morning run");
        assertThat(document.notes).isEqualTo("felt good");
        assertThat(document.startTime).isEqualTo(START);
        assertThat(document.endTime).isEqualTo(START.plusSeconds(625));
        assertThat(document.durationSeconds).isEqualTo(625);
        assertThat(document.distanceMeters).isEqualTo(2_500.0);
        assertThat(document.splits).hasSize(3);
        assertThat(document.bestEffortMillis).containsEntry("1k", 250_000L);
        assertThat(document.tags).containsExactly("race");
        assertThat(document.trackPoints).isEqualTo(track.size());
        // 6 months after the platform recorded it (a second after its end)
        assertThat(document.trackExpiresAt).isEqualTo(Instant.parse("2025-12-01T06:10:26Z"));
        // the live progress is not an applied event; the rest are, each once
        assertThat(document.appliedEventIds).hasSize(6);
        assertThat(document.version).isEqualTo(6);
    }

    @Test
    void shouldChangeNothingWhenAnEventIsDeliveredAgain() {
        // given
        var started = ContractEvents.toEvent(workout.started(null)).orElseThrow();
        WorkoutDocument document = ((WorkoutFold.Outcome.Applied) fold.apply(null, started)).document();

        // when
        WorkoutFold.Outcome again = fold.apply(document, started);

        // then
        assertThat(again).isInstanceOf(WorkoutFold.Outcome.Duplicate.class);
        assertThat(document.version).isEqualTo(1);
    }

    @Test
    void shouldIgnoreAnotherAthletesEventWhenTheWorkoutHasAnOwner() {
        // given
        WorkoutDocument document = foldAll(workout.started(null));
        WorkoutEvents.Workout intruder = new WorkoutEvents.Workout(workout.workoutId(), UUID.randomUUID(), START,
                SportType.CYCLING);

        // when
        WorkoutFold.Outcome outcome = fold.apply(document,
                ContractEvents.toEvent(intruder.tagAdded("mine")).orElseThrow());

        // then
        assertThat(outcome).isInstanceOf(WorkoutFold.Outcome.Foreign.class);
    }

    @Test
    void shouldNotCountAWorkoutWhenItIsCancelled() {
        // when
        WorkoutDocument document = foldAll(workout.started(null), workout.cancelled());

        // then
        assertThat(document.status).isEqualTo(WorkoutDocument.Status.CANCELLED);
        assertThat(document.completed()).isFalse();
    }

    @Test
    void shouldBringTheTrackWhenTheCompletionCarriesOne() {
        // given
        WorkoutDocument document = foldAll(workout.started(null));
        WorkoutEvent completed = ContractEvents.toEvent(workout.completed(track, 180)).orElseThrow();

        // when
        var applied = (WorkoutFold.Outcome.Applied) fold.apply(document, completed);

        // then
        assertThat(applied.track().samples()).isEqualTo(track);
        assertThat(applied.track().startTime()).isEqualTo(START);
        assertThat(applied.track().expiresAt()).isEqualTo(applied.document().trackExpiresAt);
        assertThat(applied.track().appliedEventId()).isEqualTo(completed.eventId());
    }
}
