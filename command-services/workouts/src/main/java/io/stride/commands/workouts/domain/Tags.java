package io.stride.commands.workouts.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rules of a workout's tags: lower-case words of letters, digits, '-' and '_', at most {@value #MAX_LENGTH}. */
public final class Tags {

    /** Longest tag. */
    public static final int MAX_LENGTH = 32;
    /** Most tags on one workout. */
    public static final int MAX_PER_WORKOUT = 20;

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");

    private Tags() {
    }

    /** The tag as stored (trimmed, lower case), or null when it is not a valid tag. */
    public static String normalise(String tag) {
        if (tag == null) {
            return null;
        }
        String normalised = tag.strip().toLowerCase(Locale.ROOT);
        if (normalised.isEmpty() || normalised.length() > MAX_LENGTH || !TAG.matcher(normalised).matches()) {
            return null;
        }
        return normalised;
    }
}
