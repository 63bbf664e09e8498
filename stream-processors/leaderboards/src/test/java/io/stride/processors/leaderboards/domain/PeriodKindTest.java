package io.stride.processors.leaderboards.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodKindTest {

    @ParameterizedTest
    @CsvSource({
            // ISO weeks start on Monday; week 1 holds the year's first Thursday
            "2024-12-29, 2024-W52, 2024-12, 2024",
            "2024-12-30, 2025-W01, 2024-12, 2024",
            "2025-12-28, 2025-W52, 2025-12, 2025",
            "2025-12-29, 2026-W01, 2025-12, 2025",
            "2026-01-01, 2026-W01, 2026-01, 2026",
            "2021-01-03, 2020-W53, 2021-01, 2021",
            "2027-01-01, 2026-W53, 2027-01, 2027"})
    void shouldNameTheIsoWeekMonthAndYearWhenADayIsNearAYearBoundary(String day, String week, String month,
            String year) {
        // given
        LocalDate date = LocalDate.parse(day);

        // when / then
        assertThat(PeriodKind.DAY.periodOf(date)).isEqualTo(day);
        assertThat(PeriodKind.WEEK.periodOf(date)).isEqualTo(week);
        assertThat(PeriodKind.MONTH.periodOf(date)).isEqualTo(month);
        assertThat(PeriodKind.YEAR.periodOf(date)).isEqualTo(year);
        assertThat(PeriodKind.ALL.periodOf(date)).isEqualTo("all");
    }

    @Test
    void shouldCountAWorkoutInTheDayOfItsStartInTheAthletesZoneWhenTheClocksChange() {
        // given: 04:30 UTC on 10 March 2025, the first night of daylight saving time in New York (00:30 EDT)
        Instant start = Instant.parse("2025-03-10T04:30:00Z");

        // when
        List<Bucket> buckets = Bucket.of(start, "RUNNING", ZoneId.of("America/New_York"));

        // then: twelve buckets, the day of 10 March, not 9 March as a fixed UTC-5 would say
        assertThat(buckets).hasSize(12).contains(new Bucket(PeriodKind.DAY, "2025-03-10", "RUNNING"),
                new Bucket(PeriodKind.LIVE, "2025-03-10", "RUNNING"),
                new Bucket(PeriodKind.DAY, "2025-03-10", Bucket.ALL_SPORTS),
                new Bucket(PeriodKind.WEEK, "2025-W11", "RUNNING"), new Bucket(PeriodKind.ALL, "all", "RUNNING"));
        assertThat(Bucket.ofPath(buckets.getFirst().path())).isEqualTo(buckets.getFirst());
    }
}
