package io.stride.processors.leaderboards.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

import io.stride.platform.http.ApiException;
import io.stride.processors.leaderboards.domain.BoardKey;
import io.stride.processors.leaderboards.domain.Bucket;
import io.stride.processors.leaderboards.domain.Metric;
import io.stride.processors.leaderboards.domain.PeriodKind;
import io.stride.schemas.common.SportType;

/** A board named in a URL, checked: an unknown scope is 404, any other unknown or malformed part 400. */
final class BoardRequest {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(0[1-9]|[1-4]\\d|5[0-3])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private BoardRequest() {
    }

    static BoardKey parse(String scope, String period, String periodId, String sport, String metric) {
        if (!BoardKey.GLOBAL.equals(scope)) {
            throw ApiException.notFound("board scope", scope);
        }
        PeriodKind kind = PeriodKind.ofPath(period);
        if (kind == null) {
            throw ApiException.invalidField("period", "period must be one of day, live, week, month, year, all");
        }
        if (!validPeriodId(kind, periodId)) {
            throw ApiException.invalidField("periodId", "not a " + kind.path() + " period: expected "
                    + switch (kind) {
                        case DAY, LIVE -> "2025-06-01";
                        case WEEK -> "2025-W23";
                        case MONTH -> "2025-06";
                        case YEAR -> "2025";
                        case ALL -> "all";
                    });
        }
        if (!Bucket.ALL_SPORTS.equals(sport)
                && Arrays.stream(SportType.values()).noneMatch(known -> known.name().equals(sport))) {
            throw ApiException.invalidField("sport", "sport must be ALL or one of "
                    + Arrays.toString(SportType.values()));
        }
        Metric parsed = Metric.ofPath(metric);
        if (parsed == null) {
            throw ApiException.invalidField("metric",
                    "metric must be one of distance, moving-time, elevation-gain, calories, workouts, longest");
        }
        if (!kind.metrics().contains(parsed)) {
            throw ApiException.invalidField("metric", "the live day ranks distance only");
        }
        return new BoardKey(scope, kind, periodId, sport, parsed);
    }

    private static boolean validPeriodId(PeriodKind kind, String periodId) {
        return switch (kind) {
            case DAY, LIVE -> {
                try {
                    yield LocalDate.parse(periodId).toString().equals(periodId);
                } catch (DateTimeParseException e) {
                    yield false;
                }
            }
            case WEEK -> WEEK.matcher(periodId).matches();
            case MONTH -> MONTH.matcher(periodId).matches();
            case YEAR -> YEAR.matcher(periodId).matches();
            case ALL -> "all".equals(periodId);
        };
    }
}
