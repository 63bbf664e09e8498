package io.stride.processors.liveworkout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LiveSessionTest {

    private static final UUID WORKOUT = UUID.fromString("6f1c2b0e-4a7d-4f43-9b1e-2d5f0c9a1e01");
    private static final UUID USER = UUID.fromString("0b9e7c3a-1d2f-4e5a-8b6c-7d8e9f0a1b2c");
    private static final Instant T0 = Instant.parse("2025-04-05T15:00:00Z");
    private static final double METERS_PER_DEGREE = 6_371_008.8 * Math.PI / 180;
    private static final LiveSettings SETTINGS = LiveSettings.DEFAULTS;

    /** A runner going north at 3 m/s with a device-reported speed, heart rate 150. */
    private static Sample running(long second) {
        return new Sample(WORKOUT, USER, "watch", second + 1, T0.plusSeconds(second),
                new Position(55.75 + second * 3 / METERS_PER_DEGREE, 37.6), 5.0, null, 150, 3.0, 170, null);
    }

    @Test
    void shouldGiveTheSameFiguresWhenSamplesArriveShuffledWithinTheGrace() {
        // given
        List<Sample> ordered = new ArrayList<>();
        for (int second = 0; second < 200; second++) {
            ordered.add(running(second));
        }
        List<Sample> shuffled = new ArrayList<>(ordered);
        Random random = new Random(3);
        for (int start = 0; start < shuffled.size(); start += 20) {
            Collections.shuffle(shuffled.subList(start, Math.min(start + 20, shuffled.size())), random);
        }
        LiveSession inOrder = LiveSession.open(WORKOUT, USER);
        LiveSession outOfOrder = LiveSession.open(WORKOUT, USER);

        // when
        ordered.forEach(sample -> inOrder.offer(sample, Athlete.UNKNOWN, SETTINGS));
        List<LiveSession.Offer> offers = shuffled.stream()
                .map(sample -> outOfOrder.offer(sample, Athlete.UNKNOWN, SETTINGS))
                .toList();

        // then
        assertThat(offers).allMatch(LiveSession.Accepted.class::isInstance);
        LiveFigures expected = inOrder.view(Athlete.UNKNOWN, SETTINGS);
        LiveFigures actual = outOfOrder.view(Athlete.UNKNOWN, SETTINGS);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.distanceMeters()).isCloseTo(199 * 3.0, within(0.01));
        assertThat(actual.movingMillis()).isEqualTo(199_000);
        assertThat(actual.sampleCount()).isEqualTo(200);
    }

    @Test
    void shouldRefuseASampleWhenItIsOlderThanOneAlreadyApplied() {
        // given: samples up to 100 s; those up to 70 s are applied for good (grace 30 s)
        LiveSession session = LiveSession.open(WORKOUT, USER);
        for (int second = 0; second <= 100; second++) {
            if (second != 40) {
                session.offer(running(second), Athlete.UNKNOWN, SETTINGS);
            }
        }

        // when
        LiveSession.Offer late = session.offer(running(40), Athlete.UNKNOWN, SETTINGS);
        LiveSession.Offer resent = session.offer(running(39), Athlete.UNKNOWN, SETTINGS);
        LiveSession.Offer resentBuffered = session.offer(running(99), Athlete.UNKNOWN, SETTINGS);

        // then
        assertThat(late).isEqualTo(new LiveSession.TooLate(60_000));
        assertThat(resent).isInstanceOf(LiveSession.Duplicate.class);
        assertThat(resentBuffered).isInstanceOf(LiveSession.Duplicate.class);
        LiveFigures figures = session.view(Athlete.UNKNOWN, SETTINGS);
        assertThat(figures.sampleCount()).isEqualTo(100);
        assertThat(figures.lateSamples()).isEqualTo(1);
    }

    @Test
    void shouldCountTheSamplesAfterAResumeThatArrivesAfterThem() {
        // given: 60 s running, paused at 60 s; the watch resumes at 120 s and uploads 60 s at once, before the resume
        // (which travels through the workouts service) reaches the processor
        LiveSession session = LiveSession.open(WORKOUT, USER);
        run(session, 0, 60);
        session.paused(T0.plusSeconds(60));
        run(session, 120, 181);
        assertThat(session.flushIfIdle(Long.MAX_VALUE, Athlete.UNKNOWN, SETTINGS)).isFalse();

        // when: the resume arrives, and the workout is completed
        session.resumed(T0.plusSeconds(120));
        session.closed(LiveSession.Status.COMPLETED, Athlete.UNKNOWN, SETTINGS);

        // then: every step but the one across the pause counts (59 + 60 of 3 m), the pause does not
        LiveFigures figures = session.view(Athlete.UNKNOWN, SETTINGS);
        assertThat(figures.distanceMeters()).isCloseTo(119 * 3.0, within(10.0));
        assertThat(figures.elapsedMillis()).isEqualTo(120_000);
    }

    @Test
    void shouldNotCountThePauseWhenItArrivesAfterTheSamplesThatFollowedIt() {
        // given: 60 s running; the watch paused at 60 s (recording nothing) and resumed at 120 s, and uploads the next
        // 60 s at once, before the pause and the resume (which travel through the workouts service) reach the processor
        LiveSession session = afterAGap(120, 181);

        // when: the pause and the resume arrive within the lifecycle lag, and the workout is completed
        session.paused(T0.plusSeconds(60));
        session.resumed(T0.plusSeconds(120));
        session.closed(LiveSession.Status.COMPLETED, Athlete.UNKNOWN, SETTINGS);

        // then: the step across the pause and the paused minute do not count
        LiveFigures figures = session.view(Athlete.UNKNOWN, SETTINGS);
        assertThat(figures.distanceMeters()).isCloseTo(119 * 3.0, within(10.0));
        assertThat(figures.elapsedMillis()).isEqualTo(120_000);
    }

    @Test
    void shouldCountAGapWithoutAPauseOnceTheLifecycleLagHasPassed() {
        // given: the watch lost the sky for 20 s (no pause) and sends on
        LiveSession session = afterAGap(80, 120);
        LiveSession.Offer next = null;

        // when: no pause came within the lifecycle lag (5 s) of wall-clock time
        for (int second = 120; second < 125; second++) {
            session.received(2_000 + (second - 119) * 1_000L);
            next = session.offer(running(second), Athlete.UNKNOWN, SETTINGS);
        }

        // then: the samples after the gap are applied for good (one older is now too late), the gap counted as elapsed
        assertThat(next).isInstanceOf(LiveSession.Accepted.class);
        assertThat(session.offer(running(79), Athlete.UNKNOWN, SETTINGS)).isInstanceOf(LiveSession.TooLate.class);
        assertThat(session.buffered()).isLessThanOrEqualTo(31);
        assertThat(session.view(Athlete.UNKNOWN, SETTINGS).elapsedMillis()).isEqualTo(124_000);
    }

    @Test
    void shouldApplyASampleAfterAGapWhenTheDeviceWentQuietForTheGrace() {
        // given: a gap of 20 s (no pause), then the device sent 20 s more (less than the grace: nothing after the gap
        // was due yet) and went quiet
        LiveSession session = afterAGap(80, 100);

        // when: the sweep finds it quiet for the grace period (30 s of wall-clock time)
        boolean applied = session.flushIfIdle(2_000 + 30_000, Athlete.UNKNOWN, SETTINGS);

        // then: everything buffered is applied for good
        assertThat(applied).isTrue();
        assertThat(session.buffered()).isZero();
    }

    @Test
    void shouldCountTheSamplesAfterAnOpenPauseAsPausedWhenTheWorkoutEndsWithoutAResume() {
        // given: paused at 60 s, samples keep coming, no resume
        LiveSession session = LiveSession.open(WORKOUT, USER);
        run(session, 0, 60);
        session.paused(T0.plusSeconds(60));
        run(session, 60, 121);

        // when
        session.closed(LiveSession.Status.COMPLETED, Athlete.UNKNOWN, SETTINGS);

        // then: only the first minute counts (59 steps and the one into the pause)
        LiveFigures figures = session.view(Athlete.UNKNOWN, SETTINGS);
        assertThat(figures.distanceMeters()).isCloseTo(60 * 3.0, within(10.0));
        assertThat(figures.sampleCount()).isEqualTo(121);
    }

    @Test
    void shouldStopTheClockWhenTheAthletePausesTheWorkout() {
        // given: 60 s running, paused from 60 s to 120 s (samples keep coming), then 60 s more
        LiveSession session = LiveSession.open(WORKOUT, USER);
        run(session, 0, 60);

        // when
        session.paused(T0.plusSeconds(60));
        run(session, 60, 120);
        session.resumed(T0.plusSeconds(120));
        run(session, 120, 181);
        session.closed(LiveSession.Status.COMPLETED, Athlete.UNKNOWN, SETTINGS);

        // then: 59 s + 1 s (59 -> 60 up to the pause) + 60 s; distance of 120 s at 3 m/s
        LiveFigures figures = session.view(Athlete.UNKNOWN, SETTINGS);
        assertThat(figures.elapsedMillis()).isEqualTo(120_000);
        assertThat(figures.movingMillis()).isEqualTo(120_000);
        assertThat(figures.distanceMeters()).isCloseTo(59 * 3.0 + 60 * 3.0, within(10.0));
        assertThat(figures.status()).isEqualTo(LiveSession.Status.COMPLETED);
        assertThat(session.offer(running(181), Athlete.UNKNOWN, SETTINGS))
                .isEqualTo(new LiveSession.Closed(LiveSession.Status.COMPLETED));
    }

    /** Offers a running sample for every second from {@code from} (inclusive) to {@code to} (exclusive). */
    /**
     * A session that received the first minute (at wall-clock second 1), then, after a gap, the samples from
     * {@code from} (inclusive) to {@code to} (exclusive) at once (at wall-clock second 2).
     */
    private static LiveSession afterAGap(int from, int to) {
        LiveSession session = LiveSession.open(WORKOUT, USER);
        session.received(1_000);
        run(session, 0, 60);
        session.received(2_000);
        run(session, from, to);
        return session;
    }

    private static void run(LiveSession session, int from, int to) {
        for (int second = from; second < to; second++) {
            session.offer(running(second), Athlete.UNKNOWN, SETTINGS);
        }
    }

    @Test
    void shouldCountCaloriesFromTheHeartRateReserveWhenTheAthletesRestingAndMaximumHeartRateAreKnown() {
        // given: 80 kg, rest 50, max 200 bpm, running at 150 bpm for 100 s
        Athlete athlete = new Athlete(200, 80.0, null, 50);
        LiveSession session = LiveSession.open(WORKOUT, USER);
        session.started(USER, Sport.RUNNING);

        // when
        for (int second = 0; second <= 100; second++) {
            session.offer(running(second), athlete, SETTINGS);
        }
        LiveFigures figures = session.view(athlete, SETTINGS);

        // then: 2/3 of the reserve; VO2max 15.3 * 200 / 50 = 61.2; VO2 3.5 + 2/3 * 57.7 mL/kg/min; 5 kcal per litre
        double vo2 = 3.5 + (100.0 / 150.0) * (61.2 - 3.5);
        double expected = vo2 * 80 / 1000 * 5 * 100 / 60;
        assertThat(figures.caloriesKcal()).isCloseTo(expected, within(1e-6)).isCloseTo(27.98, within(0.01));
        assertThat(figures.workKilojoules()).isNull();
    }

    @Test
    void shouldRecountTheMetCaloriesAtTheSportsMetWhenTheSportIsLearntAfterTheSamples() {
        // given: a recording's samples counted before its sport was known (an import; no metrics, so MET)
        LiveSession session = LiveSession.open(WORKOUT, USER);
        LiveSession known = LiveSession.open(WORKOUT, USER);
        known.started(USER, Sport.RUNNING);
        for (int second = 0; second <= 100; second++) {
            session.offer(running(second), Athlete.UNKNOWN, SETTINGS);
            known.offer(running(second), Athlete.UNKNOWN, SETTINGS);
        }
        double asOther = session.view(Athlete.UNKNOWN, SETTINGS).caloriesKcal();

        // when: the import says it was a run
        session.started(USER, Sport.OTHER);
        session.sportIs(Sport.RUNNING);

        // then: the calories of a run, as if the sport had been known from the first sample
        double asRunning = session.view(Athlete.UNKNOWN, SETTINGS).caloriesKcal();
        assertThat(asOther).isPositive();
        assertThat(asRunning).isCloseTo(asOther * Sport.RUNNING.met() / Sport.OTHER.met(), within(1e-9))
                .isCloseTo(known.view(Athlete.UNKNOWN, SETTINGS).caloriesKcal(), within(1e-9));
        assertThat(LiveSessionCodec.decode(LiveSessionCodec.encode(session)).view(Athlete.UNKNOWN, SETTINGS)
                .caloriesKcal()).isEqualTo(asRunning);
    }

    @Test
    void shouldCountCaloriesFromTheMechanicalWorkWhenAPowerMeterReports() {
        // given: a ride at 200 W for 100 s, heart rate and metrics known too (power wins)
        Athlete athlete = new Athlete(200, 80.0, null, 50);
        LiveSession session = LiveSession.open(WORKOUT, USER);
        session.started(USER, Sport.CYCLING);

        // when
        for (int second = 0; second <= 100; second++) {
            session.offer(new Sample(WORKOUT, USER, "bike", second + 1, T0.plusSeconds(second),
                    new Position(55.75 + second * 8 / METERS_PER_DEGREE, 37.6), 5.0, null, 140, 8.0, 90, 200),
                    athlete, SETTINGS);
        }
        LiveFigures figures = session.view(athlete, SETTINGS);

        // then: 20 kJ of work at a gross efficiency of 21 %
        assertThat(figures.workKilojoules()).isCloseTo(20.0, within(1e-9));
        assertThat(figures.caloriesKcal()).isCloseTo(20_000 / 4184.0 / 0.21, within(1e-6));
    }

    @Test
    void shouldCountZonesAndCaloriesFromTheAthletesMetricsWhenKnown() {
        // given: max 200 bpm, so 150 bpm is zone 3; 80 kg running (9 MET) for 100 s = 9 * 80 * 100 / 3600 kcal
        Athlete athlete = new Athlete(200, 80.0, null);
        LiveSession session = LiveSession.open(WORKOUT, USER);
        session.started(USER, Sport.RUNNING);

        // when
        for (int second = 0; second <= 100; second++) {
            session.offer(running(second), athlete, SETTINGS);
        }
        LiveFigures figures = session.view(athlete, SETTINGS);

        // then
        assertThat(figures.zoneMaxHeartRateBpm()).isEqualTo(200);
        assertThat(figures.heartRateZoneMillis()).containsExactly(0L, 0L, 100_000L, 0L, 0L);
        assertThat(figures.caloriesKcal()).isCloseTo(20.0, within(1e-9));
        assertThat(figures.avgCadenceRpm()).isEqualTo(170);
        assertThat(figures.avgSpeedMetersPerSecond()).isCloseTo(3.0, within(0.01));
        assertThat(figures.avgPaceSecondsPerKm()).isCloseTo(333.33, within(0.5));
    }

    /**
     * Fixes only (no device speed) of an athlete standing for {@code standSeconds}, then walking north-east at
     * {@code speed} m/s for {@code walkSeconds}, then standing for {@code standSeconds} again; noise sigma 3 m.
     */
    private static LiveFigures gpsOnly(double speed, int standSeconds, int walkSeconds, long seed) {
        Random random = new Random(seed);
        LiveSession session = LiveSession.open(WORKOUT, USER);
        session.started(USER, Sport.WALKING);
        double along = 0;
        for (int second = 0; second <= 2 * standSeconds + walkSeconds; second++) {
            if (second > standSeconds && second <= standSeconds + walkSeconds) {
                along += speed;
            }
            double north = along / Math.sqrt(2) + random.nextGaussian() * 3;
            double east = along / Math.sqrt(2) + random.nextGaussian() * 3;
            Position position = new Position(55.75 + north / METERS_PER_DEGREE,
                    37.6 + east / (METERS_PER_DEGREE * Math.cos(Math.toRadians(55.75))));
            session.offer(new Sample(WORKOUT, USER, "phone", second + 1, T0.plusSeconds(second), position, 4.0, null,
                    null, null, null, null), Athlete.UNKNOWN, SETTINGS);
        }
        session.closed(LiveSession.Status.COMPLETED, Athlete.UNKNOWN, SETTINGS);
        return session.view(Athlete.UNKNOWN, SETTINGS);
    }

    @Test
    void shouldCountASlowWalkerAsMovingWhenOnlyNoisyFixesAreSent() {
        for (long seed = 1; seed <= 20; seed++) {
            // given / when: 60 s standing, 300 s walking at 1 m/s, 60 s standing, fixes with sigma 3 m noise
            LiveFigures figures = gpsOnly(1.0, 60, 300, seed);

            // then: the walk is moving time, the stands are not, each change placed within a couple of seconds
            assertThat(figures.movingMillis()).as("seed %d", seed).isCloseTo(300_000L, within(6_000L));
            assertThat(figures.elapsedMillis()).isEqualTo(420_000);
        }
    }

    @Test
    void shouldCountAStationaryAthleteAsStoppedWhenFixesAreNoisy() {
        for (long seed = 1; seed <= 20; seed++) {
            // given / when: ten minutes standing at one place, fixes with sigma 3 m noise
            LiveFigures figures = gpsOnly(0.0, 300, 0, seed);

            // then
            assertThat(figures.movingMillis()).as("seed %d", seed).isZero();
            assertThat(figures.caloriesKcal()).isZero();
            assertThat(figures.elapsedMillis()).isEqualTo(600_000);
        }
    }

    @Test
    void shouldPlaceTheStartAndTheStopOfARunWhenOnlyNoisyFixesAreSent() {
        for (long seed = 1; seed <= 20; seed++) {
            // given / when: 60 s standing, 200 s running at 3 m/s, 60 s standing
            LiveFigures figures = gpsOnly(3.0, 60, 200, seed);

            // then
            assertThat(figures.movingMillis()).as("seed %d", seed).isCloseTo(200_000L, within(2_000L));
        }
    }
}
