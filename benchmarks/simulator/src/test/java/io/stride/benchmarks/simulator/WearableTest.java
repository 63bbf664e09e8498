package io.stride.benchmarks.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class WearableTest {

    private static final Instant START = Instant.parse("2026-12-06T08:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** What the watch sent, in order: its commands and its posted samples. */
    private static final class Recorder implements Wearable.Buttons {

        final List<String> sent = new ArrayList<>();
        final List<Sample> samples = new ArrayList<>();

        @Override
        public boolean start(String authorization, UUID workoutId, Instant startTime) {
            return record("start " + workoutId + " " + startTime);
        }

        @Override
        public boolean pause(String authorization, UUID workoutId, Instant at) {
            return record("pause " + workoutId + " " + at);
        }

        @Override
        public boolean resume(String authorization, UUID workoutId, Instant at) {
            return record("resume " + workoutId + " " + at);
        }

        @Override
        public boolean complete(String authorization, UUID workoutId, Instant endTime) {
            return record("complete " + workoutId + " " + endTime);
        }

        @Override
        public boolean cancel(String authorization, UUID workoutId) {
            return record("cancel " + workoutId);
        }

        boolean post(List<Sample> batch) {
            samples.addAll(batch);
            sent.add("samples " + batch.getFirst().workoutId() + " " + batch.size());
            return true;
        }

        private boolean record(String command) {
            sent.add(command);
            return true;
        }
    }

    private static Wearable wearable(Recorder recorder, Duration length, Duration first, long seed) {
        Athlete athlete = new Athlete("watch", UUID.randomUUID(), UUID.randomUUID(),
                Route.loop(55.75, 37.61, 400, 24, new Random(1)), 3.0, new Random(2));
        return new Wearable(athlete, "Device watch.secret", new WorkoutClock(1, SECOND, length, first), SECOND, 10,
                recorder, recorder::post, new Random(seed));
    }

    private static void run(Wearable wearable, int seconds) {
        for (int t = 0; t < seconds; t++) {
            wearable.tick(START.plusSeconds(t));
        }
    }

    @Test
    void shouldStartPauseResumeAndCompleteEachWorkoutAfterItsSamplesWhenWorkoutsHaveAnEnd() {
        // given: a first workout of 1 minute, then workouts of 5 minutes
        Recorder recorder = new Recorder();
        Wearable wearable = wearable(recorder, Duration.ofMinutes(5), Duration.ofMinutes(1), 7);

        // when: 6 minutes and a second
        run(wearable, 361);

        // then: the first workout starts at the first sample and completes at its last, after every sample was sent
        List<String> first = recorder.sent.stream().filter(line -> line.contains(firstWorkout(recorder))).toList();
        assertThat(first.getFirst()).isEqualTo("start " + firstWorkout(recorder) + " " + START);
        assertThat(first.getLast()).isEqualTo("complete " + firstWorkout(recorder) + " " + START.plusSeconds(59));
        assertThat(first).noneMatch(line -> line.startsWith("pause"));
        assertThat(recorder.samples.stream().filter(s -> s.workoutId().toString().equals(firstWorkout(recorder))))
                .hasSize(60);
        // and: the second (5 minutes) pauses 30 s somewhere in its middle third and resumes; no sample meanwhile
        String second = recorder.sent.get(recorder.sent.indexOf("complete " + firstWorkout(recorder) + " "
                + START.plusSeconds(59)) + 1).split(" ")[1];
        List<String> commands = recorder.sent.stream()
                .filter(line -> line.contains(second) && !line.startsWith("samples"))
                .map(line -> line.split(" ")[0].replaceAll("complete|cancel", "end")).toList();
        assertThat(commands).containsExactly("start", "pause", "resume", "end");
        Instant pausedAt = at(recorder, "pause " + second);
        Instant resumedAt = at(recorder, "resume " + second);
        assertThat(Duration.between(pausedAt, resumedAt)).isEqualTo(WorkoutPlan.PAUSE);
        assertThat(Duration.between(START.plusSeconds(60), pausedAt))
                .isBetween(Duration.ofMinutes(5).dividedBy(3), Duration.ofMinutes(5).multipliedBy(2).dividedBy(3));
        assertThat(recorder.samples).filteredOn(s -> s.workoutId().toString().equals(second))
                .hasSize(300 - 30)
                .noneMatch(s -> !s.recordedAt().isBefore(pausedAt) && s.recordedAt().isBefore(resumedAt));
        // and: the second ended (completed or cancelled) once the third started, after all its samples
        int end = lastIndexOf(recorder, second);
        assertThat(recorder.sent.get(end)).matches("(complete|cancel) " + second + ".*");
        assertThat(recorder.sent.get(end + 1)).startsWith("start ");
    }

    @Test
    void shouldCancelSomeWorkoutsButNeverTheFirstWhenManyWorkoutsRun() {
        // given: one-minute workouts
        Recorder recorder = new Recorder();
        Wearable wearable = wearable(recorder, Duration.ofMinutes(1), Duration.ofMinutes(1), 11);

        // when: 100 workouts
        run(wearable, 100 * 60 + 1);

        // then: every workout ends once; about one in WorkoutPlan.CANCEL_ONE_IN is cancelled, never the first
        long completed = recorder.sent.stream().filter(line -> line.startsWith("complete")).count();
        long cancelled = recorder.sent.stream().filter(line -> line.startsWith("cancel")).count();
        assertThat(completed + cancelled).isEqualTo(100);
        assertThat(cancelled).isBetween(4L, 25L);
        assertThat(recorder.sent.stream().filter(line -> line.startsWith("complete") || line.startsWith("cancel"))
                .findFirst().orElseThrow()).startsWith("complete " + firstWorkout(recorder));
    }

    @Test
    void shouldSendWhatItHoldsAndCompleteTheWorkoutWhenStopped() {
        // given: 25 s into a workout, 5 samples not yet sent (batches of 10)
        Recorder recorder = new Recorder();
        Wearable wearable = wearable(recorder, Duration.ofMinutes(10), Duration.ofMinutes(10), 3);
        run(wearable, 25);

        // when
        wearable.stop();
        wearable.stop();

        // then: every sample sent, then one completion at the last sample
        assertThat(recorder.samples).hasSize(25);
        assertThat(recorder.sent.getLast())
                .isEqualTo("complete " + firstWorkout(recorder) + " " + START.plusSeconds(24));
        assertThat(recorder.sent).filteredOn(line -> line.startsWith("complete")).hasSize(1);
    }

    @Test
    void shouldOnlyStreamSamplesWhenThereIsNoWorkoutsService() {
        // given
        Recorder recorder = new Recorder();
        Athlete athlete = new Athlete("watch", UUID.randomUUID(), UUID.randomUUID(),
                Route.loop(55.75, 37.61, 400, 24, new Random(1)), 3.0, new Random(2));
        Wearable wearable = new Wearable(athlete, "Device watch.secret",
                new WorkoutClock(1, SECOND, Duration.ofMinutes(1)), SECOND, 10, null, recorder::post, new Random(3));

        // when
        run(wearable, 150);

        // then
        assertThat(recorder.sent).allMatch(line -> line.startsWith("samples"));
        assertThat(recorder.samples).hasSize(150);
    }

    private static String firstWorkout(Recorder recorder) {
        return recorder.sent.getFirst().split(" ")[1];
    }

    private static Instant at(Recorder recorder, String prefix) {
        String line = recorder.sent.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        return Instant.parse(line.split(" ")[2]);
    }

    private static int lastIndexOf(Recorder recorder, String workout) {
        for (int i = recorder.sent.size() - 1; i >= 0; i--) {
            if (recorder.sent.get(i).contains(workout)) {
                return i;
            }
        }
        throw new AssertionError("no line of " + workout);
    }
}
