package io.stride.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CorrelationIdTest {

    @Test
    void shouldEchoReceivedIdAndBindItToMdcWhenRequestCarriesCorrelationId() {
        // given
        var request = given()
                .header(StrideHeaders.CORRELATION_ID, "req-42.a:b")
                .header(StrideHeaders.CALLER_SERVICE, "telemetry-gateway");

        // when
        var response = request.get("/api/v3/context").then();

        // then
        response.statusCode(200)
                .header(StrideHeaders.CORRELATION_ID, "req-42.a:b")
                .body("correlation_id", equalTo("req-42.a:b"))
                .body("caller_service", equalTo("telemetry-gateway"));
    }

    @Test
    void shouldGenerateUuidWhenRequestCarriesNoCorrelationId() {
        // given
        var request = given();

        // when
        var response = request.get("/api/v3/context").then().statusCode(200).extract();

        // then
        String id = response.header(StrideHeaders.CORRELATION_ID);
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.jsonPath().getString("correlation_id")).isEqualTo(id);
    }

    @Test
    void shouldReplaceIdWhenReceivedValueCouldForgeLogLines() {
        // given
        var request = given().header(StrideHeaders.CORRELATION_ID, "abc\" level=ERROR");

        // when
        var response = request.get("/api/v3/context").then().statusCode(200).extract();

        // then
        String id = response.header(StrideHeaders.CORRELATION_ID);
        assertThat(id).doesNotContain("level");
        assertThat(UUID.fromString(id)).isNotNull();
    }

    @Test
    void shouldBindIdOnEventLoopWhenResourceIsReactive() {
        // given
        var request = given().header(StrideHeaders.CORRELATION_ID, "reactive-1");

        // when
        var response = request.get("/api/v3/context/reactive").then();

        // then
        response.statusCode(200)
                .header(StrideHeaders.CORRELATION_ID, "reactive-1")
                .body("correlation_id", equalTo("reactive-1"));
    }

    @Test
    void shouldEchoIdWhenRequestFails() {
        // given
        var request = given().header(StrideHeaders.CORRELATION_ID, "failing-1");

        // when
        var response = request.get("/api/v3/failures/not-found").then();

        // then
        response.statusCode(404)
                .header(StrideHeaders.CORRELATION_ID, "failing-1");
    }

    @Test
    void shouldEchoIdWhenVersionSelectionFailsBeforeJaxRs() {
        // given
        var request = given().header(StrideHeaders.CORRELATION_ID, "version-1").queryParam("version", 9);

        // when
        var response = request.get("/api/widgets").then();

        // then
        response.statusCode(400)
                .header(StrideHeaders.CORRELATION_ID, "version-1");
    }

    @Test
    void shouldEchoIdWhenRequestIsReroutedToCanonicalVersionPath() {
        // given
        var request = given().header(StrideHeaders.CORRELATION_ID, "rerouted-1");

        // when
        var response = request.get("/api/context").then();

        // then
        response.statusCode(200)
                .header(StrideHeaders.CORRELATION_ID, "rerouted-1")
                .body("correlation_id", equalTo("rerouted-1"));
    }

    @Test
    void shouldPutCurrentIdIntoKafkaHeadersWhenBuildingRecordHeadersInRequest() {
        // given
        var request = given().header(StrideHeaders.CORRELATION_ID, "kafka-1");

        // when
        var response = request.get("/api/v3/context").then();

        // then
        response.statusCode(200).body("kafka_header", equalTo("kafka-1"));
    }

    @Test
    void shouldReadIdBackWhenConsumedRecordCarriesHeader() {
        // given
        var headers = new RecordHeaders();
        headers.add(KafkaCorrelation.HEADER, "from-kafka".getBytes(StandardCharsets.UTF_8));

        // when
        var id = KafkaCorrelation.read(headers);

        // then
        assertThat(KafkaCorrelation.HEADER).isEqualTo("X-Correlation-Id");
        assertThat(id).contains("from-kafka");
        assertThat(KafkaCorrelation.read(new RecordHeaders())).isEmpty();
    }
}
