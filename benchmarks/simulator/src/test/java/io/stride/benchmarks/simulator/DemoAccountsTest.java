package io.stride.benchmarks.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoAccountsTest {

    @Test
    void shouldPickOnlyTheSimulatorsActiveDevicesWhenADeviceListIsRead() {
        // given
        String list = """
                [{"device_id":"d1","model":"Stride simulator watch","registered_at":"2026-11-24T10:00:00Z",\
                "revoked_at":null},
                 {"device_id":"d2","model":"Stride simulator watch","registered_at":"2026-11-24T10:00:00Z",\
                "revoked_at":"2026-11-24T11:00:00Z"},
                 {"device_id":"d3","model":"Garmin Forerunner 965","registered_at":"2026-11-24T10:00:00Z"}]""";

        // when / then
        assertThat(DemoAccounts.activeSimulatorDevices(list)).containsExactly("d1");
    }

    @Test
    void shouldReadAStringFieldWhenTheAnswerIsFlatJson() {
        // when / then
        assertThat(DemoAccounts.field("{\"device_id\": \"abc\", \"credential\":\"abc.s3cr-t_\"}", "credential"))
                .isEqualTo("abc.s3cr-t_");
        assertThat(DemoAccounts.email(3)).isEqualTo("athlete3@demo.stride.local");
        assertThat(DemoAccounts.DEMO_PASSWORD).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void shouldGiveEachDemoAthleteMetricsTheUsersServiceAcceptsAndTheirOwnHomeZoneAndNameWhenNumbered() {
        // when
        var metrics = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(DemoAccounts::metrics).toList();

        // then: within the profile's bounds, resting below maximum, the same every time, five zones for five athletes
        for (String json : metrics) {
            assertThat(number(json, "weight_kg")).isBetween(20, 400);
            assertThat(number(json, "height_cm")).isBetween(100, 250);
            assertThat(number(json, "max_heart_rate_bpm")).isBetween(100, 240);
            assertThat(number(json, "resting_heart_rate_bpm")).isBetween(25, 120)
                    .isLessThan(number(json, "max_heart_rate_bpm"));
            assertThat(number(json, "birth_year")).isBetween(1900, java.time.Year.now().getValue());
            assertThat(java.time.ZoneId.of(DemoAccounts.field(json, "time_zone")).getId())
                    .isEqualTo(DemoAccounts.field(json, "time_zone"));
        }
        assertThat(DemoAccounts.metrics(3)).isEqualTo(metrics.get(2));
        assertThat(metrics.subList(0, 5).stream().map(json -> DemoAccounts.field(json, "time_zone")).distinct())
                .hasSize(5);
        // a name of their own, 1-40 characters, for the leaderboards
        assertThat(metrics.stream().map(json -> DemoAccounts.field(json, "display_name")).distinct()).hasSize(20)
                .allSatisfy(name -> assertThat(name).hasSizeBetween(1, 40));
        assertThat(DemoAccounts.field(metrics.get(0), "display_name")).isEqualTo("Ana Lima");
        assertThat(DemoAccounts.field(metrics.get(5), "display_name")).isEqualTo("Ana Lima 2");
    }

    private static int number(String json, String field) {
        var matcher = java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as(field).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
