package io.stride.processors.leaderboards.domain;

/**
 * A board: {@code scope/periodKind/periodId/sport/metric}, e.g. {@code global/week/2025-W23/RUNNING/distance}.
 * The scope is {@link #GLOBAL} now; club ({@code club:<id>}) and following ({@code following:<id>}) boards take the
 * same shape when the social service brings their members (ADR 0016).
 *
 * @param scope whose athletes the board ranks
 * @param kind the kind of period
 * @param periodId the period in the athletes' zones
 * @param sport the sport's name, or {@link Bucket#ALL_SPORTS}
 * @param metric what it ranks
 */
public record BoardKey(String scope, PeriodKind kind, String periodId, String sport, Metric metric) {

    /** Every athlete's boards. */
    public static final String GLOBAL = "global";

    @Override
    public String toString() {
        return scope + "/" + kind.path() + "/" + periodId + "/" + sport + "/" + metric.path();
    }
}
