-- Registration answers the same for a new and a known address (no enumeration): an account is usable once its
-- address is confirmed through the link emailed to it. Accounts created before count as confirmed.
ALTER TABLE users.users ADD COLUMN email_verified_at timestamptz;
UPDATE users.users SET email_verified_at = created_at;

-- A pending confirmation: the SHA-256 of the token sent by email (the token itself is never stored), one-time,
-- expiring. It goes with its account.
CREATE TABLE users.email_verifications (
    token_sha256 text         PRIMARY KEY,
    user_id      uuid         NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
    expires_at   timestamptz  NOT NULL
);
CREATE INDEX email_verifications_user_id_idx ON users.email_verifications (user_id);
