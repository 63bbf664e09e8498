package io.stride.schemas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.stride.schemas.Topics;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.workout.WorkoutPaused;
import io.stride.schemas.workout.WorkoutStarted;

class TestSerdesTest {

    private static final String TOPIC = "test.any-topic";

    static Stream<SpecificRecord> everyRecord() {
        return Stream.of(
                EventBuilders.aTelemetrySample().build(),
                EventBuilders.aTelemetrySample().noPosition().heartRateBpm(null).receivedAt(null).build(),
                EventBuilders.aWorkoutStarted().build(),
                EventBuilders.aWorkoutStarted().noLocation().deviceModel(null).build(),
                EventBuilders.aWorkoutUpdated().build(),
                EventBuilders.aWorkoutPaused().build(),
                EventBuilders.aWorkoutResumed().build(),
                EventBuilders.aWorkoutCompleted().build(),
                EventBuilders.aWorkoutCancelled().reason("knee pain").build(),
                EventBuilders.aWorkoutTagAdded().build(),
                EventBuilders.aGoalAchieved().build(),
                EventBuilders.aUserMetricsUpdated().build(),
                EventBuilders.aLiveWorkoutState().build());
    }

    static Stream<SpecificRecord> everyWorkoutEvent() {
        return Stream.of(
                EventBuilders.aWorkoutStarted().build(),
                EventBuilders.aWorkoutUpdated().build(),
                EventBuilders.aWorkoutPaused().build(),
                EventBuilders.aWorkoutResumed().build(),
                EventBuilders.aWorkoutCompleted().build(),
                EventBuilders.aWorkoutCancelled().build(),
                EventBuilders.aWorkoutTagAdded().build());
    }

    @ParameterizedTest
    @MethodSource("everyRecord")
    <T extends SpecificRecord> void shouldReadBackEqualRecordWhenSpecificSerdeRoundTrips(T record) {
        // given
        @SuppressWarnings("unchecked")
        Serde<T> serde = TestSerdes.specific((Class<T>) record.getClass());

        // when
        byte[] bytes = serde.serializer().serialize(TOPIC, record);
        T read = serde.deserializer().deserialize(TOPIC, bytes);

        // then
        assertThat(read).isEqualTo(record);
    }

    @Test
    void shouldWritePlainAvroBinaryWhenSpecificSerdeSerializes() throws IOException {
        // given
        TelemetrySample sample = EventBuilders.aTelemetrySample().build();

        // when
        byte[] bytes = TestSerdes.specific(TelemetrySample.class).serializer().serialize(TOPIC, sample);

        // then: the same bytes as Avro's own binary encoding, without registry magic byte or schema id
        assertThat(bytes).isEqualTo(plainAvro(sample));
    }

    @Test
    void shouldPassNullThroughWhenValueIsTombstone() {
        // given
        Serde<TelemetrySample> specific = TestSerdes.specific(TelemetrySample.class);
        Serde<SpecificRecord> events = TestSerdes.workoutEvents();

        // when
        byte[] specificBytes = specific.serializer().serialize(TOPIC, null);
        byte[] eventBytes = events.serializer().serialize(TOPIC, null);

        // then
        assertThat(specificBytes).isNull();
        assertThat(eventBytes).isNull();
        assertThat(specific.deserializer().deserialize(TOPIC, null)).isNull();
        assertThat(events.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldRejectWhenBytesHoldAnotherRecordType() {
        // given
        byte[] started = TestSerdes.specific(WorkoutStarted.class).serializer()
                .serialize(TOPIC, EventBuilders.aWorkoutStarted().build());
        Serde<WorkoutPaused> paused = TestSerdes.specific(WorkoutPaused.class);

        // when / then
        assertThatThrownBy(() -> paused.deserializer().deserialize(TOPIC, started))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.stride.schemas.workout.WorkoutPaused");
    }

    @ParameterizedTest
    @MethodSource("everyWorkoutEvent")
    void shouldReadBackSameTypeWhenWorkoutEventsSerdeRoundTrips(SpecificRecord event) {
        // given
        Serde<SpecificRecord> serde = TestSerdes.workoutEvents();

        // when
        byte[] bytes = serde.serializer().serialize(Topics.WORKOUT_EVENTS, event);
        SpecificRecord read = serde.deserializer().deserialize(Topics.WORKOUT_EVENTS, bytes);

        // then
        assertThat(read).isInstanceOf(event.getClass()).isEqualTo(event);
    }

    @Test
    void shouldPrefixFullNameTagWhenWorkoutEventIsSerialized() throws IOException {
        // given
        WorkoutPaused event = EventBuilders.aWorkoutPaused().build();

        // when
        byte[] bytes = TestSerdes.workoutEvents().serializer().serialize(Topics.WORKOUT_EVENTS, event);

        // then
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        String tag = decoder.readString();
        int tagLength = bytes.length - plainAvro(event).length;
        assertThat(tag).isEqualTo("io.stride.schemas.workout.WorkoutPaused");
        assertThat(Arrays.copyOfRange(bytes, tagLength, bytes.length)).isEqualTo(plainAvro(event));
    }

    @Test
    void shouldRejectWhenRecordIsNotAWorkoutEvent() {
        // given
        TelemetrySample sample = EventBuilders.aTelemetrySample().build();
        Serde<SpecificRecord> serde = TestSerdes.workoutEvents();

        // when / then
        assertThatThrownBy(() -> serde.serializer().serialize(Topics.WORKOUT_EVENTS, sample))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot serialize io.stride.schemas.telemetry.TelemetrySample")
                .hasMessageContaining("io.stride.schemas.workout.WorkoutStarted");
    }

    @Test
    void shouldRejectWhenTypeTagIsUnknown() {
        // given
        byte[] bytes = TestSerdes.tagged(List.of(TelemetrySample.class)).serializer()
                .serialize(TOPIC, EventBuilders.aTelemetrySample().build());
        Serde<SpecificRecord> serde = TestSerdes.workoutEvents();

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(Topics.WORKOUT_EVENTS, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown type tag io.stride.schemas.telemetry.TelemetrySample");
    }

    private static byte[] plainAvro(SpecificRecordBase record) throws IOException {
        var out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema(), record.getSpecificData()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
