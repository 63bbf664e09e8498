-- The goals athletes set (command-services/goals): one row per goal, its version for optimistic concurrency
-- (If-Match), the hash of the request that created it (a retried creation with the same Idempotency-Key replays it;
-- another request with that key is refused), and deleted_at once deleted (kept so that a retried creation is not
-- mistaken for a new goal; an erasure deletes the rows).
CREATE TABLE goals.goals (
    id             uuid             PRIMARY KEY,
    user_id        uuid             NOT NULL,
    kind           text             NOT NULL,
    metric         text,
    period         text,
    sport          text,
    target         double precision NOT NULL,
    target_seconds bigint,
    deadline       date,
    paused         boolean          NOT NULL DEFAULT false,
    version        bigint           NOT NULL,
    created_at     timestamptz      NOT NULL,
    updated_at     timestamptz      NOT NULL,
    request_hash   text             NOT NULL,
    deleted_at     timestamptz
);
CREATE INDEX goals_user_idx ON goals.goals (user_id) WHERE deleted_at IS NULL;

-- Transactional outbox (platform/outbox): each goal's new state (or its tombstone) on goals.goals.
CREATE TABLE goals.outbox (
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
CREATE INDEX outbox_pending_idx ON goals.outbox (id) WHERE published_at IS NULL;
CREATE FUNCTION goals.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('goals_outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON goals.outbox
    FOR EACH STATEMENT EXECUTE FUNCTION goals.outbox_notify();
