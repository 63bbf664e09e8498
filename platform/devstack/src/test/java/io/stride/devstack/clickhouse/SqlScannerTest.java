package io.stride.devstack.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SqlScannerTest {

    @Test
    void shouldNameTheFirstKeywordWhenCommentsAndSpacesComeFirst() {
        assertThat(keyword("  -- why\n/* what */ select 1")).isEqualTo("SELECT");
        assertThat(keyword("(SELECT 1)")).isEqualTo("(");
        assertThat(keyword(" \n ")).isEmpty();
        assertThat(keyword("SET max_threads = 1")).isEqualTo("SET");
    }

    @Test
    void shouldFindMultipleStatementsWhenASemicolonIsFollowedByMore() {
        assertThat(multiple("SELECT 1; SELECT 2")).isTrue();
        assertThat(multiple("SELECT 1; -- done\n")).isFalse();
        assertThat(multiple("SELECT ';' AS a, `b;c`, \"d;\" FROM t;")).isFalse();
        assertThat(multiple("SELECT 'it''s; fine' /* ; */")).isFalse();
    }

    @Test
    void shouldSplitStatementAndDataWhenInsertHasValues() {
        // given
        String sql = "INSERT INTO db.`values` (id, s) SETTINGS async_insert = 0 VALUES (1, 'a;b'),\n\n(2, 'c')";

        // when
        SqlScanner.InsertData insert = insertData(sql).orElseThrow();

        // then
        assertThat(sql.substring(0, insert.statementEnd()).strip())
                .isEqualTo("INSERT INTO db.`values` (id, s) SETTINGS async_insert = 0");
        assertThat(insert.format()).isEqualTo("Values");
        assertThat(sql.substring(insert.dataStart())).isEqualTo(" (1, 'a;b'),\n\n(2, 'c')");
    }

    @Test
    void shouldStartDataAfterTheFirstLineFeedWhenFormatIsNamed() {
        // given
        String sql = "insert into t format RowBinary  \n\n\u0001\u0002";

        // when
        SqlScanner.InsertData insert = insertData(sql).orElseThrow();

        // then
        assertThat(insert.format()).isEqualTo("RowBinary");
        assertThat(sql.substring(0, insert.statementEnd()).strip()).isEqualTo("insert into t");
        assertThat(sql.substring(insert.dataStart())).isEqualTo("\n\u0001\u0002");
    }

    @Test
    void shouldStartDataAfterTheSpacesWhenNoLineFeedFollowsTheFormat() {
        String sql = "INSERT INTO t FORMAT JSONEachRow {\"id\": 1}";
        assertThat(sql.substring(insertData(sql).orElseThrow().dataStart())).isEqualTo("{\"id\": 1}");
    }

    @Test
    void shouldSkipTableFunctionArgumentsWhenInsertingIntoAFunction() {
        String sql = "INSERT INTO FUNCTION file('values.csv', 'CSV', 'a Int8') VALUES (1)";
        SqlScanner.InsertData insert = insertData(sql).orElseThrow();
        assertThat(sql.substring(insert.dataStart())).isEqualTo(" (1)");
    }

    @Test
    void shouldFindNoInlineDataWhenInsertSelectsOrIsNoInsert() {
        assertThat(insertData("INSERT INTO t SELECT * FROM values('a Int8', 1)")).isEmpty();
        assertThat(insertData("INSERT INTO t (a) WITH 1 AS x SELECT x")).isEmpty();
        assertThat(insertData("SELECT 'INSERT INTO t VALUES (1)'")).isEmpty();
        assertThat(insertData("INSERT INTO t FORMAT RowBinary")).as("the format name may go on").isEmpty();
    }

    private static Optional<SqlScanner.InsertData> insertData(String sql) {
        return SqlScanner.insertData(bytes(sql), length(sql));
    }

    private static String keyword(String sql) {
        return SqlScanner.firstKeyword(bytes(sql), length(sql));
    }

    private static boolean multiple(String sql) {
        return SqlScanner.multipleStatements(bytes(sql), length(sql));
    }

    private static byte[] bytes(String sql) {
        return sql.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int length(String sql) {
        return bytes(sql).length;
    }
}
