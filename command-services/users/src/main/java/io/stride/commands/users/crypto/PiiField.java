package io.stride.commands.users.crypto;

/**
 * The personal fields stored encrypted. The name goes into each ciphertext's associated data, so a ciphertext of
 * one field cannot be passed off as another field of the same user either.
 */
public enum PiiField {
    EMAIL("email"),
    FIRST_NAME("first_name"),
    LAST_NAME("last_name"),
    /** The name the athlete chose to show others on public boards. */
    DISPLAY_NAME("display_name"),
    TOTP_SECRET("totp_secret"),
    /** The athlete's body metrics and time zone, all in one ciphertext (health data). */
    METRICS("metrics");

    private final String label;

    PiiField(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
