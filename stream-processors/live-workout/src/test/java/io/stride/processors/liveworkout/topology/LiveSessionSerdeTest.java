package io.stride.processors.liveworkout.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.stride.processors.liveworkout.domain.Athlete;
import io.stride.processors.liveworkout.domain.LiveFigures;
import io.stride.processors.liveworkout.domain.LiveSession;
import io.stride.processors.liveworkout.domain.LiveSessionCodec;
import io.stride.processors.liveworkout.domain.LiveSettings;
import io.stride.processors.liveworkout.domain.Position;
import io.stride.processors.liveworkout.domain.Sample;

class LiveSessionSerdeTest {

    static final Instant T0 = Instant.parse("2025-06-01T06:00:00Z");
    static final UUID WORKOUT = UUID.randomUUID();
    static final UUID USER = UUID.randomUUID();

    final LiveSessionSerde serde = new LiveSessionSerde();

    /** 90 s of a run with every sensor, a resend, a pause and 30 s still in the reorder buffer. */
    static LiveSession aSessionWithEverything() {
        LiveSession session = LiveSession.open(WORKOUT, USER);
        for (int second = 0; second < 90; second++) {
            Position position = second % 7 == 3 ? null : new Position(55.75 + second * 3 / 111_195.0, 37.6);
            Sample sample = new Sample(WORKOUT, USER, second % 11 == 0 ? "chest-strap" : "watch", second + 1,
                    T0.plusSeconds(second).plusNanos(second * 1_000_000L), position, second % 2 == 0 ? 4.0 : null,
                    120.0 + second % 13, 140 + second % 20, second % 3 == 0 ? null : 3.0, 170, second % 5 == 0 ? null
                    : 250);
            session.offer(sample, Athlete.UNKNOWN, LiveSettings.DEFAULTS);
            if (second == 40) {
                session.paused(T0.plusSeconds(40));
            }
            if (second == 50) {
                session.resumed(T0.plusSeconds(50));
            }
        }
        session.offer(new Sample(UUID.randomUUID(), UUID.randomUUID(), "watch", 1000, T0.plusSeconds(89), null, null,
                null, null, null, null, null), Athlete.UNKNOWN, LiveSettings.DEFAULTS);
        session.received(1_234_567L);
        session.changed();
        return session;
    }

    @Test
    void shouldReadBackTheSameSessionWhenWrittenInTheBinaryFormat() {
        // given
        LiveSession session = aSessionWithEverything();

        // when
        byte[] bytes = serde.serializer().serialize("t", session);
        LiveSession read = serde.deserializer().deserialize("t", bytes);

        // then: the same bytes again, the same figures, the same future
        assertThat(bytes[0]).isEqualTo(LiveSessionCodec.MARKER);
        assertThat(read.buffered()).isEqualTo(session.buffered()).isPositive();
        assertThat(serde.serializer().serialize("t", read)).isEqualTo(bytes);
        assertThat(read.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS))
                .isEqualTo(session.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS));
        assertThat(read.hasUnpublishedChange()).isTrue();
        assertThat(read.flushIfIdle(1_234_567L + 30_000, Athlete.UNKNOWN, LiveSettings.DEFAULTS)).isTrue();
        assertThat(session.flushIfIdle(1_234_567L + 30_000, Athlete.UNKNOWN, LiveSettings.DEFAULTS)).isTrue();
        assertThat(serde.serializer().serialize("t", read)).isEqualTo(serde.serializer().serialize("t", session));
    }

    @Test
    void shouldReadASessionStoredAsJsonWhenTheFirstFormatWroteIt() throws Exception {
        // given: the first release's JSON (fields, not accessors)
        LiveSession session = aSessionWithEverything();
        ObjectMapper firstFormat = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        byte[] json = firstFormat.writeValueAsBytes(session);

        // when
        LiveSession read = serde.deserializer().deserialize("t", json);

        // then
        assertThat(json[0]).isEqualTo((byte) '{');
        assertThat(read.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS))
                .isEqualTo(session.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS));
        assertThat(serde.serializer().serialize("t", read)[0]).isEqualTo(LiveSessionCodec.MARKER);
    }

    @Test
    void shouldRefuseASessionWhenItsFormatVersionIsNewerThanThisReader() {
        // given
        byte[] bytes = serde.serializer().serialize("t", aSessionWithEverything());
        bytes[1] = (byte) (LiveSessionCodec.VERSION + 1);

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasRootCauseMessage("live session format version " + (LiveSessionCodec.VERSION + 1)
                        + " is newer than " + LiveSessionCodec.VERSION + ": this reader cannot read it");
    }

    /** A fix only (no device speed) of 20 s standing then running at 3 m/s, with a few metres of noise. */
    static Sample gpsOnly(int second) {
        double along = Math.max(0, second - 20) * 3.0;
        double noise = (second * 7919 % 13 - 6) / 2.0;
        return new Sample(WORKOUT, USER, "phone", second + 1, T0.plusSeconds(second),
                new Position(55.75 + (along + noise) / 111_195.0, 37.6 + noise / 62_600.0), 4.0, null, null, null,
                null, null);
    }

    @Test
    void shouldContinueAGpsOnlySessionAlikeWhenReadBackMidRun() {
        // given: 20 s standing then 40 s running, fixes only
        LiveSession session = LiveSession.open(WORKOUT, USER);
        for (int second = 0; second < 60; second++) {
            session.offer(gpsOnly(second), Athlete.UNKNOWN, LiveSettings.DEFAULTS);
        }

        // when
        byte[] bytes = serde.serializer().serialize("t", session);
        LiveSession read = serde.deserializer().deserialize("t", bytes);
        for (int second = 60; second < 120; second++) {
            session.offer(gpsOnly(second), Athlete.UNKNOWN, LiveSettings.DEFAULTS);
            read.offer(gpsOnly(second), Athlete.UNKNOWN, LiveSettings.DEFAULTS);
        }

        // then
        assertThat(bytes[1]).isEqualTo(LiveSessionCodec.VERSION);
        LiveFigures figures = read.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS);
        assertThat(figures).isEqualTo(session.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS));
        assertThat(figures.movingMillis()).isBetween(97_000L, 101_000L);
        assertThat(serde.serializer().serialize("t", read)).isEqualTo(serde.serializer().serialize("t", session));
    }

    @Test
    void shouldReadAVersionTwoSessionWhenWrittenBeforeTheStopDetector() {
        // given: a session whose watch reports its speed (the stop detector is unused: its 39 bytes before the
        // retired flag at the end) as version 2 wrote it, without those bytes and the flag
        LiveSession session = LiveSession.open(WORKOUT, USER);
        for (int second = 0; second < 60; second++) {
            session.offer(new Sample(WORKOUT, USER, "watch", second + 1, T0.plusSeconds(second),
                    new Position(55.75 + second * 3 / 111_195.0, 37.6), 4.0, null, 150, 3.0, null, null),
                    Athlete.UNKNOWN, LiveSettings.DEFAULTS);
        }
        byte[] current = serde.serializer().serialize("t", session);
        byte[] versionTwo = Arrays.copyOf(current, current.length - GAP_TAIL - MET_TAIL - TRACK_TAIL - 40);
        versionTwo[1] = 2;

        // when
        LiveSession read = serde.deserializer().deserialize("t", versionTwo);

        // then
        assertThat(read.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS))
                .isEqualTo(session.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS));
        assertThat(serde.serializer().serialize("t", read)).isEqualTo(withTrackAfresh(current));
    }

    @Test
    void shouldReadAVersionThreeSessionAsNotRetiredWhenWrittenBeforeRetirement() {
        // given: a closed session as version 3 wrote it, without the retired flag
        LiveSession session = aSessionWithEverything();
        session.closed(LiveSession.Status.COMPLETED, Athlete.UNKNOWN, LiveSettings.DEFAULTS);
        byte[] current = serde.serializer().serialize("t", session);
        byte[] versionThree = Arrays.copyOf(current, current.length - GAP_TAIL - MET_TAIL - TRACK_TAIL - 1);
        versionThree[1] = 3;

        // when
        LiveSession read = serde.deserializer().deserialize("t", versionThree);

        // then
        assertThat(read.isRetired()).isFalse();
        assertThat(read.isClosed()).isTrue();
        assertThat(serde.serializer().serialize("t", read)).isEqualTo(withTrackAfresh(current));
        assertThat(serde.serializer().serialize("t", read.retire())).hasSizeLessThan(current.length / 2);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", read.retire()))
                .isRetired()).isTrue();
    }

    @Test
    void shouldStartTheTrackAfreshWhenAVersionFourSessionIsRead() {
        // given: a session as version 4 wrote it, without where its track stands
        LiveSession session = aSessionWithEverything();
        byte[] current = serde.serializer().serialize("t", session);
        byte[] versionFour = Arrays.copyOf(current, current.length - GAP_TAIL - MET_TAIL - TRACK_TAIL);
        versionFour[1] = 4;

        // when
        LiveSession read = serde.deserializer().deserialize("t", versionFour);

        // then: the same figures but the work, counted from the buffered samples on; the track starts afresh
        assertThat(read.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS)).usingRecursiveComparison()
                .ignoringFields("workKilojoules")
                .isEqualTo(session.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS));
        assertThat(read.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS).workKilojoules())
                .isLessThan(session.view(Athlete.UNKNOWN, LiveSettings.DEFAULTS).workKilojoules());
        assertThat(serde.serializer().serialize("t", read)).isEqualTo(withTrackAfresh(current));
    }

    /**
     * Bytes version 5 appends for a session with a track: a present time (flag and long), the point count and the
     * mechanical work.
     */
    private static final int TRACK_TAIL = 1 + 8 + 8 + 8;

    /** Bytes version 6 appends: the calories counted by the MET method. */
    private static final int MET_TAIL = 8;

    /** Bytes version 7 appends for a session whose oldest buffered sample waits after no gap: the null flag. */
    private static final int GAP_TAIL = 1;

    /**
     * The current bytes of a session (without a power meter) whose track starts afresh: no last point time (the flag
     * alone), count 0, no work, no MET calories counted apart, no sample waiting after a gap.
     */
    private static byte[] withTrackAfresh(byte[] current) {
        int tail = current.length - GAP_TAIL - MET_TAIL - TRACK_TAIL;
        byte[] afresh = Arrays.copyOf(current, tail + 1 + 8 + 8 + MET_TAIL + GAP_TAIL);
        Arrays.fill(afresh, tail, afresh.length, (byte) 0);
        return afresh;
    }
}
