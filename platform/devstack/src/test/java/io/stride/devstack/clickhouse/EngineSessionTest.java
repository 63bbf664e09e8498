package io.stride.devstack.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EngineSessionTest {

    @Test
    void shouldQuoteEveryValueWhenUrlSettingsBecomeASetStatement() throws Exception {
        // given
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("max_threads", "2");
        settings.put("format_csv_delimiter", "'");

        // when / then
        assertThat(EngineSession.setStatement(settings))
                .isEqualTo("SET max_threads = '2', format_csv_delimiter = '\\''");
    }

    @Test
    void shouldRefuseSettingNameWhenItIsNoIdentifier() {
        assertThatThrownBy(() -> EngineSession.setStatement(Map.of("x = 1, y", "2")))
                .isInstanceOf(ClickHouseException.class)
                .hasMessageContaining("(UNKNOWN_SETTING)");
    }

    @Test
    void shouldUnescapeValueWhenTabSeparated() {
        assertThat(EngineSession.unescapeTsv("a\\tb\\\\c\\nd")).isEqualTo("a\tb\\c\nd");
        assertThat(EngineSession.quoteIdentifier("we`ird")).isEqualTo("`we\\`ird`");
    }
}
