package io.stride.commands.users.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.crypto.TelemetryKeyMaker;
import io.stride.commands.users.persistence.DataKeyEntity;
import io.stride.commands.users.persistence.DataKeyRepository;
import io.stride.platform.outbox.Outbox;
import io.stride.schemas.Topics;

/**
 * At start, gives a telemetry key (ADR 0010) to every user registered before telemetry keys existed, and appends it
 * to the outbox, in one transaction; later starts find nothing to do. Without a key the gateway would refuse the
 * user's telemetry.
 */
@ApplicationScoped
public class TelemetryKeyBackfill {

    private final DataKeyRepository dataKeys;
    private final TelemetryKeyMaker telemetryKeys;
    private final Outbox outbox;
    private final Clock clock;

    TelemetryKeyBackfill(DataKeyRepository dataKeys, TelemetryKeyMaker telemetryKeys, Outbox outbox, Clock clock) {
        this.dataKeys = dataKeys;
        this.telemetryKeys = telemetryKeys;
        this.outbox = outbox;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        int issued = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::issueMissing));
        if (issued > 0) {
            Log.infof("telemetry keys issued to existing users count=%d", issued);
        }
    }

    /** Issues a key to every user without one; the number issued. */
    public Uni<Integer> issueMissing() {
        Instant now = clock.instant();
        return dataKeys.list("telemetryKey is null")
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> issue(row, now).replaceWith(row))
                        .collect().asList()
                        .map(List::size));
    }

    private Uni<Void> issue(DataKeyEntity row, Instant now) {
        byte[] key = telemetryKeys.newWrappedKey(row.getUserId());
        row.setTelemetryKey(key);
        return outbox.append(Topics.TELEMETRY_KEYS, row.getUserId().toString(),
                TelemetryKeyMaker.record(row.getUserId(), key, now));
    }
}
