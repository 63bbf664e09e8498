package io.stride.commands.workouts.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.stride.commands.workouts.domain.EndReason;
import io.stride.commands.workouts.domain.FinalFigures;
import io.stride.commands.workouts.domain.GeoPosition;
import io.stride.commands.workouts.domain.Source;
import io.stride.commands.workouts.domain.Sport;
import io.stride.commands.workouts.domain.TrackPoint;
import io.stride.commands.workouts.domain.WorkoutEvent;

/** Every event reads back from the store's JSON as it was written. */
class EventCodecTest {

    private static final UUID WORKOUT = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2025-04-05T15:00:00.123456Z");

    @Test
    void shouldReadEveryEventBackAsItWasWritten() {
        // given
        FinalFigures figures = new FinalFigures(EndReason.ABANDONED, AT, AT.plusSeconds(60), 60, 59_000, 50_000,
                120.5, null, 1.5, 7.0, 120, null, 2.0, null, null, 210, 1.25, List.of(1L, 2L, 3L, 4L, 5L),
                List.of(new TrackPoint(0, 55.0, 37.0, null, 120, 0.0, null, true),
                        new TrackPoint(5_000, null, null, 140.0, null, 10.0, 2.0, false)));
        List<WorkoutEvent> events = List.of(
                new WorkoutEvent.Started(UUID.randomUUID(), WORKOUT, USER, AT, Sport.ROWING, AT,
                        new GeoPosition(55.1, 37.2), "Watch", Source.DEVICE, "Title"),
                new WorkoutEvent.Updated(UUID.randomUUID(), WORKOUT, USER, AT, null, "t", "n", 0.0, null),
                new WorkoutEvent.Paused(UUID.randomUUID(), WORKOUT, USER, AT, Source.APP),
                new WorkoutEvent.Resumed(UUID.randomUUID(), WORKOUT, USER, AT, Source.DEVICE),
                new WorkoutEvent.CompletionRequested(UUID.randomUUID(), WORKOUT, USER, AT, AT, Source.IMPORT),
                new WorkoutEvent.Completed(UUID.randomUUID(), WORKOUT, USER, AT, AT, 59, 120.5, 7.0,
                        figures.route(), Sport.ROWING, AT, true, Source.PLATFORM, figures),
                new WorkoutEvent.Cancelled(UUID.randomUUID(), WORKOUT, USER, AT, null, Source.APP),
                new WorkoutEvent.TagAdded(UUID.randomUUID(), WORKOUT, USER, AT, "race"));

        // when / then
        for (WorkoutEvent event : events) {
            String json = EventCodec.encode(event);
            assertThat(json).doesNotContain("\"type\"").doesNotContain("\"route\"");
            assertThat(EventCodec.decode(event.type(), EventCodec.PAYLOAD_VERSION, json)).isEqualTo(event);
        }
    }
}
