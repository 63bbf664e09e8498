-- The athlete's body metrics and time zone (weight, height, maximum and resting heart rate, birth year, IANA zone):
-- health data, so personal data (ADR 0007). They are read and written together, never searched, so they are stored as
-- one ciphertext under the user's data key (field "metrics"), null while none is set; shredding the data key makes
-- them unreadable like the names. When they last changed is not personal and stays in clear: it is the timestamp of
-- the UserMetricsUpdated published with the change.
ALTER TABLE users.users
    ADD COLUMN metrics_encrypted  bytea,
    ADD COLUMN metrics_updated_at timestamptz;
