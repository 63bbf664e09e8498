-- Personal data encrypted under per-user data keys (envelope encryption, docs/adr/0007-pii-envelope-encryption.md).
-- Accounts created before encryption are not converted: no release ever held them, and dev databases are reset
-- (the rows of users.users and, by cascade, their sessions, tokens, codes and devices are deleted here).
DELETE FROM users.users;

-- One data key per user: a Tink AES-256-GCM keyset encrypted by the master key with the user id as associated
-- data. Deleting the row shreds the user's ciphertexts wherever they are (rows, backups, exports).
CREATE TABLE users.data_keys (
    user_id     uuid         PRIMARY KEY REFERENCES users.users (id) ON DELETE CASCADE,
    wrapped_key bytea        NOT NULL,
    created_at  timestamptz  NOT NULL
);

-- Clear email, names and TOTP secret give way to ciphertexts; the email is found by its blind index
-- (HMAC-SHA-256 of the normalised address under the index key), unique instead of the clear address.
DROP INDEX users.users_email_key;
ALTER TABLE users.users
    DROP COLUMN email,
    DROP COLUMN first_name,
    DROP COLUMN last_name,
    DROP COLUMN totp_secret,
    ADD COLUMN email_index           bytea NOT NULL,
    ADD COLUMN email_encrypted       bytea NOT NULL,
    ADD COLUMN first_name_encrypted  bytea NOT NULL,
    ADD COLUMN last_name_encrypted   bytea NOT NULL,
    ADD COLUMN totp_secret_encrypted bytea;
CREATE UNIQUE INDEX users_email_index_key ON users.users (email_index);
