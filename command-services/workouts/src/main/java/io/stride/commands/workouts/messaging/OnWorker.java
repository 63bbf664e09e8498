package io.stride.commands.workouts.messaging;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Blocking work of a consumer (the registry's first look-up of a schema, waiting for a telemetry key just published)
 * on a worker thread, with its result back on the consumer's Vert.x context, where the reactive persistence runs.
 */
final class OnWorker {

    private OnWorker() {
    }

    static <T> Uni<T> call(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> onWorker = Uni.createFrom().item(work)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        if (context == null) {
            return onWorker;
        }
        return onWorker.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
