-- What the athlete chooses to show other athletes: a display name of their choosing (public boards show it; null
-- until they choose one, so that no legal name is ever shown by default), encrypted under the user's data key like
-- every name (ADR 0007), and whether they hide from public leaderboards. Both are published as a PublicProfile on
-- users.public-profiles through the outbox when they change.
ALTER TABLE users.users
    ADD COLUMN display_name_encrypted   bytea,
    ADD COLUMN hidden_from_leaderboards boolean NOT NULL DEFAULT false;
