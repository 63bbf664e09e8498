package io.stride.commands.goals.domain;

import java.util.Arrays;
import java.util.Locale;

/** The period of a period_total goal, in the athlete's time zone. */
public enum GoalPeriod {
    /** A calendar day. */
    DAY,
    /** An ISO week, Monday to Sunday. */
    WEEK,
    /** A calendar month. */
    MONTH,
    /** A calendar year. */
    YEAR;

    /** As the API and the {@code Goal} record name it: {@code week}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period of a wire name, or {@code null}. */
    public static GoalPeriod ofWire(String wire) {
        return Arrays.stream(values()).filter(period -> period.wire().equals(wire)).findFirst().orElse(null);
    }
}
