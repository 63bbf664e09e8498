package io.stride.commands.workouts.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.stride.schemas.Topics;

class LiveUpdateHeaderTest {

    private static ConsumerRecord<String, byte[]> record(String liveUpdate) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.WORKOUT_EVENTS, 0, 0, "w", new byte[] {1});
        if (liveUpdate != null) {
            record.headers().add(Topics.LIVE_UPDATE_HEADER, liveUpdate.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void shouldSkipOnlyProgressUpdatesWhenTheHeaderSaysSo() {
        assertThat(FinalFiguresConsumer.isProgress(record(Topics.LIVE_UPDATE_PROGRESS))).isTrue();
        assertThat(FinalFiguresConsumer.isProgress(record(Topics.LIVE_UPDATE_FINAL))).isFalse();
        // the aggregate's events and records written before the header existed are opened as before
        assertThat(FinalFiguresConsumer.isProgress(record(null))).isFalse();
    }
}
