package io.stride.commands.users.domain;

import java.util.Locale;

/** Email addresses are compared and stored normalised: trimmed and lower-case. */
public final class Emails {

    private Emails() {
    }

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
