-- Wearables registered by users; only the SHA-256 (hex) of a credential's secret is stored.
CREATE TABLE users.devices (
    id            uuid         PRIMARY KEY,
    user_id       uuid         NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
    model         text,
    secret_sha256 text         NOT NULL,
    registered_at timestamptz  NOT NULL,
    revoked_at    timestamptz
);
CREATE INDEX devices_user_id_idx ON users.devices (user_id);

-- Transactional outbox: records written in the same transaction as the state they describe, published to Kafka in
-- id order by the relay (OutboxRelay), then marked published. payload is the Avro single-object encoding of the
-- record named by schema_name; null is a tombstone.
CREATE TABLE users.outbox (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic          text         NOT NULL,
    record_key     text         NOT NULL,
    schema_name    text,
    payload        bytea,
    correlation_id text,
    created_at     timestamptz  NOT NULL,
    published_at   timestamptz
);
-- The relay reads only pending rows, oldest first.
CREATE INDEX outbox_pending_idx ON users.outbox (id) WHERE published_at IS NULL;

-- Wakes the relays of every instance when a transaction that wrote outbox rows commits (PostgreSQL delivers a
-- notification only on commit, once per transaction and channel).
CREATE FUNCTION users.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('users_outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON users.outbox
    FOR EACH STATEMENT EXECUTE FUNCTION users.outbox_notify();

-- Security events (logins, registrations, password changes, devices, rate limiting, erasures). details never holds
-- secrets or personal data: ids, reasons and counts only.
CREATE TABLE users.audit_events (
    id             uuid         PRIMARY KEY,
    user_id        uuid,
    type           text         NOT NULL,
    occurred_at    timestamptz  NOT NULL,
    ip             text,
    correlation_id text,
    details        jsonb        NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_user_id_idx ON users.audit_events (user_id, occurred_at);
CREATE INDEX audit_events_occurred_at_idx ON users.audit_events (occurred_at);
