package io.stride.commands.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stride.commands.users.domain.AthleteMetrics.Field;

class AthleteMetricsTest {

    private static final AthleteMetrics ALL = new AthleteMetrics(72.5, 181.0, 188, 52, 1990, "Europe/Lisbon");

    @Test
    void shouldReadBackEveryValueWhenEncodedAndDecoded() {
        // given
        AthleteMetrics some = new AthleteMetrics(null, 181.0, null, 52, null, "America/Argentina/ComodRivadavia");

        // when / then
        assertThat(AthleteMetrics.decode(ALL.encode())).isEqualTo(ALL);
        assertThat(AthleteMetrics.decode(some.encode())).isEqualTo(some);
        assertThat(AthleteMetrics.decode(AthleteMetrics.NONE.encode())).isEqualTo(AthleteMetrics.NONE);
        assertThat(AthleteMetrics.decode(null)).isEqualTo(AthleteMetrics.NONE);
    }

    @Test
    void shouldReplaceAndClearOnlyTheGivenFieldsWhenChanged() {
        // given
        Map<Field, Object> changes = new HashMap<>();
        changes.put(Field.WEIGHT_KG, 70);
        changes.put(Field.TIME_ZONE, null);

        // when
        AthleteMetrics changed = ALL.with(changes);

        // then
        assertThat(changed).isEqualTo(new AthleteMetrics(70.0, 181.0, 188, 52, 1990, null));
        assertThat(ALL.with(Map.of(Field.HEIGHT_CM, 181))).as("181 is 181.0: no change").isEqualTo(ALL);
        assertThat(AthleteMetrics.NONE.isEmpty()).isTrue();
        assertThat(ALL.isEmpty()).isFalse();
    }

    @Test
    void shouldAcceptBoundsAndRefuseOutsideThemWhenChecked() {
        // given / when / then
        assertThat(AthleteMetrics.check(Field.WEIGHT_KG, 20, 2026)).isNull();
        assertThat(AthleteMetrics.check(Field.WEIGHT_KG, 400.0, 2026)).isNull();
        assertThat(AthleteMetrics.check(Field.WEIGHT_KG, 19.99, 2026)).isNotNull();
        assertThat(AthleteMetrics.check(Field.WEIGHT_KG, Double.NaN, 2026)).isNotNull();
        assertThat(AthleteMetrics.check(Field.HEIGHT_CM, 250, 2026)).isNull();
        assertThat(AthleteMetrics.check(Field.HEIGHT_CM, 250.1, 2026)).isNotNull();
        assertThat(AthleteMetrics.check(Field.MAX_HEART_RATE_BPM, 240, 2026)).isNull();
        assertThat(AthleteMetrics.check(Field.MAX_HEART_RATE_BPM, 190.0, 2026)).as("a whole number").isNotNull();
        assertThat(AthleteMetrics.check(Field.RESTING_HEART_RATE_BPM, 25, 2026)).isNull();
        assertThat(AthleteMetrics.check(Field.RESTING_HEART_RATE_BPM, 121, 2026)).isNotNull();
        assertThat(AthleteMetrics.check(Field.BIRTH_YEAR, 2026, 2026)).isNull();
        assertThat(AthleteMetrics.check(Field.BIRTH_YEAR, 2027, 2026)).isNotNull();
        assertThat(AthleteMetrics.check(Field.BIRTH_YEAR, new BigInteger("1".repeat(40)), 2026)).isNotNull();
        assertThat(AthleteMetrics.check(Field.TIME_ZONE, "UTC", 2026)).isNull();
        assertThat(AthleteMetrics.check(Field.TIME_ZONE, "Z", 2026)).as("an offset, not a region").isNotNull();
        assertThat(AthleteMetrics.check(Field.TIME_ZONE, "GMT+2", 2026)).isNotNull();
        assertThat(AthleteMetrics.check(Field.WEIGHT_KG, null, 2026)).as("null clears").isNull();
    }

    @Test
    void shouldRefuseRestingHeartRateNotBelowMaxWhenCombined() {
        // given
        AthleteMetrics equal = new AthleteMetrics(null, null, 150, 150, null, null);
        AthleteMetrics onlyResting = new AthleteMetrics(null, null, null, 110, null, null);

        // when / then
        assertThat(equal.violations()).extracting(AthleteMetrics.Violation::field)
                .containsExactly(Field.RESTING_HEART_RATE_BPM);
        assertThat(onlyResting.violations()).isEmpty();
        assertThat(ALL.violations()).isEmpty();
    }
}
