package io.stride.devstack.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClickHouseExceptionTest {

    @Test
    void shouldTakeCodeNameAndServerStatusWhenTheEngineReportsAnError() {
        // when
        ClickHouseException error = ClickHouseException.parse(
                "Code: 60. DB::Exception: Unknown table expression identifier 'nope' in scope SELECT * FROM nope."
                        + " (UNKNOWN_TABLE)\n");

        // then
        assertThat(error.code()).isEqualTo(60);
        assertThat(error.errorName()).isEqualTo("UNKNOWN_TABLE");
        assertThat(error.httpStatus()).isEqualTo(404);
        assertThat(error.getMessage()).endsWith("(UNKNOWN_TABLE)");
    }

    @Test
    void shouldAnswerAsAServerDoesWhenCodesAreKnownOrNot() {
        assertThat(ClickHouseException.parse("Code: 62. DB::Exception: Syntax error. (SYNTAX_ERROR)").httpStatus())
                .isEqualTo(400);
        assertThat(ClickHouseException.parse("Code: 241. DB::Exception: Memory limit. (MEMORY_LIMIT_EXCEEDED)")
                .httpStatus()).isEqualTo(500);
        assertThat(ClickHouseException.parse("something else").code()).isEqualTo(ClickHouseException.UNKNOWN_EXCEPTION);
    }

    @Test
    void shouldWordItLikeClickHouseWhenTheStandInRaisesIt() {
        ClickHouseException error = ClickHouseException.of(ClickHouseException.SYNTAX_ERROR, "SYNTAX_ERROR",
                "Multi-statements are not allowed");
        assertThat(error.getMessage())
                .isEqualTo("Code: 62. DB::Exception: Multi-statements are not allowed. (SYNTAX_ERROR)");
        assertThat(error.httpStatus()).isEqualTo(400);
    }
}
