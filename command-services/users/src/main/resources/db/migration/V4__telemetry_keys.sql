-- Each user's telemetry key (docs/adr/0010-telemetry-keys-and-crypto-shredding.md): a Tink AES-256-GCM keyset
-- wrapped by the platform's telemetry key-encryption key, published on users.telemetry-keys. It goes with the
-- data_keys row when the user is erased. Rows of existing users get one at the next start of the service.
ALTER TABLE users.data_keys ADD COLUMN telemetry_key bytea;
