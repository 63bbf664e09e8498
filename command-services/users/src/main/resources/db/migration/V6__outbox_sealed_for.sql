-- The outbox is the shared platform/outbox now: every outbox table has the same shape, with the user whose telemetry
-- key seals a row's value when it is published (ADR 0010). The users service seals nothing: always null here.
ALTER TABLE users.outbox ADD COLUMN sealed_for text;
