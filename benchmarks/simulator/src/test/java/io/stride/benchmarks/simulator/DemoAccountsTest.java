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
}
