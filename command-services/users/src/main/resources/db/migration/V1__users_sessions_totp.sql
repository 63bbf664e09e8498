-- Users, their login sessions (refresh token families) and TOTP recovery codes, in the service's own schema.
CREATE TABLE users.users (
    id                  uuid         PRIMARY KEY,
    email               text         NOT NULL,
    first_name          text         NOT NULL,
    last_name           text         NOT NULL,
    password_hash       text         NOT NULL,
    roles               text         NOT NULL,
    created_at          timestamptz  NOT NULL,
    last_login          timestamptz,
    password_changed_at timestamptz  NOT NULL,
    totp_secret         text,
    totp_enabled        boolean      NOT NULL DEFAULT false,
    totp_last_step      bigint,
    version             integer      NOT NULL DEFAULT 0
);
-- Emails are stored normalised (trimmed, lower-case); the index makes them unique.
CREATE UNIQUE INDEX users_email_key ON users.users (email);

-- One row per login: the family of rotating refresh tokens.
CREATE TABLE users.sessions (
    id             uuid         PRIMARY KEY,
    user_id        uuid         NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
    created_at     timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text
);
CREATE INDEX sessions_user_id_idx ON users.sessions (user_id);

-- Refresh tokens, only as SHA-256 hashes (hex); used_at set once, on rotation.
CREATE TABLE users.refresh_tokens (
    token_hash  text         PRIMARY KEY,
    session_id  uuid         NOT NULL REFERENCES users.sessions (id) ON DELETE CASCADE,
    issued_at   timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    used_at     timestamptz
);
CREATE INDEX refresh_tokens_session_id_idx ON users.refresh_tokens (session_id);

-- One-time TOTP recovery codes, only as SHA-256 hashes (hex).
CREATE TABLE users.recovery_codes (
    code_hash  text         PRIMARY KEY,
    user_id    uuid         NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
    created_at timestamptz  NOT NULL,
    used_at    timestamptz
);
CREATE INDEX recovery_codes_user_id_idx ON users.recovery_codes (user_id);
