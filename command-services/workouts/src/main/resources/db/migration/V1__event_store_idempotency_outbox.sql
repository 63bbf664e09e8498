-- The event store of the Workout aggregate (ADR 0013): one row per event, append-only. A workout's state is the fold
-- of its rows in version order. (workout_id, version) is the primary key: two commands that decided on the same version
-- cannot both append, the second gets a unique violation (optimistic concurrency). payload is the domain event as
-- JSON text (see persistence.EventCodec; checked to be JSON, queried with payload::jsonb); event_type names its record,
-- payload_version its JSON shape.
CREATE TABLE workouts.workout_events (
    workout_id      uuid         NOT NULL,
    version         integer      NOT NULL CHECK (version > 0),
    event_id        uuid         NOT NULL UNIQUE,
    event_type      text         NOT NULL,
    payload_version integer      NOT NULL,
    user_id         uuid         NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    payload         text         NOT NULL CHECK (payload::jsonb IS NOT NULL),
    PRIMARY KEY (workout_id, version)
);
-- Erasure and an athlete's list find the athlete's rows.
CREATE INDEX workout_events_user_id_idx ON workouts.workout_events (user_id);

-- Append-only: an event is never changed. Deleting is left to the erasure of its athlete (right to erasure).
CREATE FUNCTION workouts.workout_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'workouts.workout_events is append-only: events are never updated';
END;
$$;
CREATE TRIGGER workout_events_append_only BEFORE UPDATE ON workouts.workout_events
    FOR EACH ROW EXECUTE FUNCTION workouts.workout_events_append_only();

-- Idempotency keys of the mutating commands: one per (user, key). A request first inserts its key IN_FLIGHT in a
-- transaction of its own (a concurrent duplicate finds it and gets 409); the command's transaction then stores the
-- outcome (DONE) with the events it appended, so a retry answers the first outcome and appends nothing. request_hash
-- is the SHA-256 of the request (method, path, body): the same key with another request gets 422. A key whose
-- request failed is deleted, so it may be used again; DONE rows are kept for workouts.idempotency.retention.
CREATE TABLE workouts.idempotency_keys (
    user_id         uuid         NOT NULL,
    idempotency_key text         NOT NULL,
    request_hash    text         NOT NULL,
    state           text         NOT NULL CHECK (state IN ('IN_FLIGHT', 'DONE')),
    workout_id      uuid,
    outcome         jsonb,
    created_at      timestamptz  NOT NULL,
    completed_at    timestamptz,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at_idx ON workouts.idempotency_keys (created_at);

-- Transactional outbox (platform/outbox): the events of each command, published sealed for their athlete (ADR 0010).
CREATE TABLE workouts.outbox (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic          text         NOT NULL,
    record_key     text         NOT NULL,
    schema_name    text,
    payload        bytea,
    correlation_id text,
    created_at     timestamptz  NOT NULL,
    published_at   timestamptz,
    sealed_for     text
);
CREATE INDEX outbox_pending_idx ON workouts.outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_sealed_for_idx ON workouts.outbox (sealed_for);
CREATE FUNCTION workouts.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('workouts_outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON workouts.outbox
    FOR EACH STATEMENT EXECUTE FUNCTION workouts.outbox_notify();
