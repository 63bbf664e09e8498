package io.stride.ingest.telemetrygateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void shouldParseAsInstantParseDoesWhenTimestampsAreRandomAndOfEveryFractionLength() {
        // given: 20,000 instants between 1970 and 2100, printed with 0 to 9 fraction digits
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            String full = instant.toString().replace("Z", "");
            String seconds = full.substring(0, 19);
            String fraction = full.length() > 20 ? full.substring(20) : "";
            int digits = random.nextInt(10);
            String text = seconds + (digits == 0 ? "" : "." + (fraction + "000000000").substring(0, digits)) + "Z";

            // when / then
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void shouldAgreeWithInstantParseWhenTextsAreUnusualOrInvalid() {
        // given: forms left to Instant.parse, and invalid texts
        List<String> accepted = List.of("2025-04-05T15:00:00+02:00", "2024-02-29T23:59:59.5Z", "+12025-04-05T15:00:00Z",
                "2016-12-31T23:59:60Z", "2025-04-05T24:00:00Z", "2025-04-05T15:00:00.Z");
        List<String> refused = List.of("2025-04-05T15:00Z", "2025-02-29T10:00:00Z", "2025-13-01T10:00:00Z",
                "2025-04-31T10:00:00Z",
                "2025-04-05T15:60:00Z", "2025-04-05T15:00:00.1234567890Z",
                "2025-04-05 15:00:00Z", "2025-04-05T15:00:00", "2025-4-05T15:00:00Z", "20x5-04-05T15:00:00Z", "");

        // when / then
        for (String text : accepted) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : refused) {
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
