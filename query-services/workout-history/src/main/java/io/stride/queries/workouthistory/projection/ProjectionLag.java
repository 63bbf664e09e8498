package io.stride.queries.workouthistory.projection;

import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/** Reads the projection consumer's lag (records behind the end of each assigned partition) for the lag gauge. */
@ApplicationScoped
class ProjectionLag {

    private final KafkaClientService clients;
    private final ProjectionMetrics metrics;

    ProjectionLag(KafkaClientService clients, ProjectionMetrics metrics) {
        this.clients = clients;
        this.metrics = metrics;
    }

    @Scheduled(every = "${workout-history.lag-every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> update() {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer("workout-events");
        if (consumer == null) {
            return Uni.createFrom().voidItem();
        }
        return consumer.runOnPollingThread(kafka -> {
                    long total = 0;
                    for (TopicPartition partition : kafka.assignment()) {
                        OptionalLong lag = kafka.currentLag(partition);
                        if (lag.isEmpty()) {
                            return -1L;
                        }
                        total += lag.getAsLong();
                    }
                    return total;
                })
                .invoke(metrics::lag)
                // the consumer is closing or rebalancing: the gauge says "unknown" until the next reading
                .onFailure().invoke(failure -> metrics.lag(-1))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
