package io.stride.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.telemetry.TelemetrySampleBatch;

/**
 * The live-workout processor alone: the same kind of samples produced straight to {@code telemetry.sample-batches} as
 * the gateway publishes them (one {@code TelemetrySampleBatch} per workout and batch, Avro through the registry,
 * sealed with the athlete's telemetry key, the gateway's producer settings), until every workout's last sample is in
 * a committed live state: what the stream processing sustains when the gateway is not the limit.
 *
 * @param producedPerSecond  samples/s handed to Kafka and acknowledged
 * @param reflectedPerSecond samples/s from the first send to the last sample in a committed live state
 */
record ProcessorAlone(long samples, double producedPerSecond, double reflectedPerSecond) {

    static ProcessorAlone measure(Platform platform, UserKeyring keyring, List<Workload> workloads, long perWorkout,
            int batch) throws Exception {
        // sealed with each athlete's key, as the gateway writes them: the processor opens every batch
        Serializer<TelemetrySampleBatch> values = SealedSerde.sealing(
                RegistrySerdes.serializer(platform.registryUrl(), true), keyring,
                samples -> samples.getSamples().getFirst().getUserId().toString());
        try (LiveStates.LastSamples lastSamples = LiveStates.awaiting(platform, workloads, perWorkout)) {
            long start = System.nanoTime();
            try (KafkaProducer<String, TelemetrySampleBatch> producer = new KafkaProducer<>(
                    platform.gatewayProducerConfig(), new StringSerializer(), values)) {
                for (long sent = 0; sent < perWorkout; sent += batch) {
                    for (Workload workload : workloads) {
                        List<TelemetrySample> samples = new ArrayList<>(batch);
                        for (long i = sent; i < Math.min(perWorkout, sent + batch); i++) {
                            samples.add(workload.nextSample());
                        }
                        producer.send(new ProducerRecord<>(Topics.TELEMETRY_SAMPLE_BATCHES,
                                workload.workoutId.toString(), new TelemetrySampleBatch(samples)));
                    }
                }
                producer.flush();
            }
            long produced = System.nanoTime();
            long reflected = lastSamples.awaitAll();
            long total = perWorkout * workloads.size();
            return new ProcessorAlone(total, total / EndToEnd.seconds(produced - start),
                    total / EndToEnd.seconds(reflected - start));
        }
    }
}
