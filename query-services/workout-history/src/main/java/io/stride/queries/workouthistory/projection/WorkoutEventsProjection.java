package io.stride.queries.workouthistory.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.stride.platform.kafka.DeadLetterSender;
import io.stride.queries.workouthistory.mapping.WorkoutEvent;
import io.stride.queries.workouthistory.store.ReadModels;

/**
 * Projects {@code workouts.workout-events} into the served generation of the read models, a batch of records at a
 * time: each record is opened with its athlete's key and decoded (on a worker thread: a key not seen yet is waited
 * for), the events are applied ({@link WorkoutProjector}), unreadable records are dead-lettered, and only then is the
 * batch acknowledged, so its offsets are committed after every read model holds it (at-least-once; the projection is
 * idempotent). A failing store stops the projection, which retries the batch with back-off until the store answers:
 * events are never skipped.
 */
@ApplicationScoped
class WorkoutEventsProjection {

    static final String PROJECTION = "workout-history";

    private final EventDecoder decoder;
    private final WorkoutProjector projector;
    private final ReadModels models;
    private final SchemaReady schema;
    private final DeadLetterSender deadLetters;
    private final ProjectionMetrics metrics;
    private final Clock clock;

    WorkoutEventsProjection(EventDecoder decoder, WorkoutProjector projector, ReadModels models, SchemaReady schema,
            DeadLetterSender deadLetters, ProjectionMetrics metrics, Clock clock) {
        this.decoder = decoder;
        this.projector = projector;
        this.models = models;
        this.schema = schema;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Incoming("workout-events")
    Uni<Void> onBatch(ConsumerRecords<String, byte[]> batch) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        return schema.ready()
                .chain(() -> project(records))
                .onFailure().invoke(failure -> Log.warnf(failure, "projecting a batch failed, retrying records=%d",
                        records.size()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    private Uni<Void> project(List<ConsumerRecord<String, byte[]>> records) {
        return Uni.createFrom().item(() -> records.stream().map(decoder::decode).toList())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(decoded -> {
                    List<WorkoutEvent> events = new ArrayList<>();
                    Map<String, ConsumerRecord<String, byte[]>> recordOf = new HashMap<>();
                    List<EventDecoder.Decoded.Unreadable> deadLettered = new ArrayList<>();
                    List<ConsumerRecord<String, byte[]>> erased = new ArrayList<>();
                    int ignored = 0;
                    for (EventDecoder.Decoded item : decoded) {
                        switch (item) {
                            case EventDecoder.Decoded.Event(var record, var event) -> {
                                events.add(event);
                                recordOf.put(event.eventId(), record);
                            }
                            case EventDecoder.Decoded.Ignored skipped -> ignored++;
                            case EventDecoder.Decoded.Erased skipped -> erased.add(skipped.record());
                            case EventDecoder.Decoded.Unreadable unreadable -> deadLettered.add(unreadable);
                        }
                    }
                    int ignoredRecords = ignored;
                    // dead letters once the batch's events are applied: a retried batch does not send them twice
                    return projector.apply(models, events)
                            .call(result -> {
                                List<Uni<Void>> poisoned = new ArrayList<>(deadLettered.stream()
                                        .map(letter -> deadLetter(letter.record(), "deserialization",
                                                letter.reason()))
                                        .toList());
                                result.poisoned().forEach((eventId, reason) -> poisoned.add(
                                        deadLetter(recordOf.get(eventId), "processing", reason)));
                                return join(poisoned);
                            })
                            // counted once the batch is done (a retried batch is not counted twice)
                            .invoke(result -> {
                                metrics.records("ignored", ignoredRecords);
                                erased.forEach(metrics::erasedUserRecord);
                                metrics.records("dead_lettered", deadLettered.size());
                                metrics.applied(result);
                                metrics.visible(records, clock.instant());
                            })
                            .replaceWithVoid();
                });
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, String stage, String reason) {
        return Uni.createFrom().completionStage(() -> deadLetters.send(record, stage, reason));
    }

    private static Uni<Void> join(List<Uni<Void>> unis) {
        return unis.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(unis).andFailFast().replaceWithVoid();
    }
}
