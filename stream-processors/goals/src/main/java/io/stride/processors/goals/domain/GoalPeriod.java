package io.stride.processors.goals.domain;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** The period of a period_total goal, in the athlete's time zone, named as the leaderboards name theirs. */
public enum GoalPeriod {
    /** A calendar day: {@code 2025-06-01}. */
    DAY,
    /** An ISO week, Monday to Sunday, numbered in its week-based year: {@code 2026-W01}. */
    WEEK,
    /** A calendar month: {@code 2025-06}. */
    MONTH,
    /** A calendar year: {@code 2025}. */
    YEAR;

    /** The id of the period that holds {@code day}. */
    public String periodOf(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> String.format(Locale.ROOT, "%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", day.getYear(), day.getMonthValue());
            case YEAR -> String.format(Locale.ROOT, "%04d", day.getYear());
        };
    }

    /** The period of a wire name ({@code week}), or {@code null}. */
    public static GoalPeriod ofWire(String wire) {
        for (GoalPeriod period : values()) {
            if (period.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return period;
            }
        }
        return null;
    }
}
