package io.stride.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

@QuarkusTest
class ErrorFormatTest {

    @TestHTTPResource("/api/v3/widgets")
    URI widgets;

    private static ValidatableResponse assertErrorFormat(ValidatableResponse response, int status, String error) {
        return response
                .statusCode(status)
                .contentType(ContentType.JSON)
                .header(StrideHeaders.CORRELATION_ID, notNullValue())
                .body("error", equalTo(error))
                .body("code", equalTo(status))
                .body("message", notNullValue())
                .body("details", notNullValue());
    }

    @Test
    void shouldAnswerNotFoundWhenNoRouteMatchesOutsideJaxRs() {
        // given
        var request = given().accept(ContentType.JSON);

        // when
        var response = request.get("/nope").then();

        // then
        assertErrorFormat(response, 404, "not_found")
                .body("details", aMapWithSize(0));
    }

    @Test
    void shouldAnswerNotFoundWhenNoResourceMethodMatchesUnderJaxRsPath() {
        // given
        var request = given().accept(ContentType.JSON);

        // when
        var response = request.get("/api/v3/widgets/a/b/c").then();

        // then
        assertErrorFormat(response, 404, "not_found");
    }

    @Test
    void shouldAnswerMethodNotAllowedWhenResourceDoesNotSupportMethod() {
        // given
        var request = given().accept(ContentType.JSON);

        // when
        var response = request.delete("/api/v3/widgets").then();

        // then
        assertErrorFormat(response, 405, "method_not_allowed");
    }

    @Test
    void shouldAnswerUnsupportedMediaTypeWhenBodyIsNotJson() {
        // given
        var request = given().contentType(ContentType.TEXT).body("name=x");

        // when
        var response = request.post("/api/v3/widgets").then();

        // then
        assertErrorFormat(response, 415, "unsupported_media_type");
    }

    @Test
    void shouldAnswerNotAcceptableInJsonWhenClientAcceptsOnlyCsv() {
        // given
        var request = given().accept("text/csv");

        // when
        var response = request.get("/api/v3/widgets").then();

        // then
        assertErrorFormat(response, 406, "not_acceptable");
    }

    @Test
    void shouldAnswerMalformedJsonWithLineAndColumnWhenBodyDoesNotParse() {
        // given
        var request = given().contentType(ContentType.JSON).body("{\n  \"name\": \"rower\",\n  \"quantity\": ]\n}");

        // when
        var response = request.post("/api/v3/widgets").then();

        // then
        assertErrorFormat(response, 400, "malformed_json")
                .body("details.line", equalTo(3))
                .body("details.column", notNullValue())
                .body("message", not(containsString("Exception")));
    }

    @Test
    void shouldAnswerMalformedJsonWhenBodyIsCutShortInsideAnArray() {
        // given: the body ends inside the tags array
        var request = given().contentType(ContentType.JSON).body("{\"name\": \"rower\", \"quantity\": 2, \"tags\": [");

        // when
        var response = request.post("/api/v3/widgets").then();

        // then
        assertErrorFormat(response, 400, "malformed_json")
                .body("details.line", equalTo(1));
    }

    @Test
    void shouldAnswerTypeMismatchNamingTheFieldWhenValueHasWrongJsonType() {
        // given
        var request = given().contentType(ContentType.JSON).body("{\"name\": \"rower\", \"quantity\": \"ten\"}");

        // when
        var response = request.post("/api/v3/widgets").then();

        // then
        assertErrorFormat(response, 400, "type_mismatch")
                .body("details.field", equalTo("quantity"))
                .body("details.expected", equalTo("number"))
                .body("message", not(containsString("java.")));
    }

    @Test
    void shouldListEveryViolationWhenBodyFailsBeanValidation() {
        // given
        var request = given().contentType(ContentType.JSON)
                .body("{\"name\": \" \", \"quantity\": 0, \"tags\": [\"ok\", \"\"]}");

        // when
        var response = request.post("/api/v3/widgets").then();

        // then
        assertErrorFormat(response, 400, "validation_failed");
        List<Map<String, String>> violations = response.extract().jsonPath().getList("details.violations");
        assertThat(violations)
                .extracting(violation -> violation.get("field"))
                .containsExactly("name", "quantity", "tags[1]");
        assertThat(violations).allSatisfy(violation -> assertThat(violation.get("message")).isNotBlank());
    }

    @Test
    void shouldNameTheQueryParameterWhenItFailsBeanValidation() {
        // given
        var request = given().queryParam("limit", 500);

        // when
        var response = request.get("/api/v3/widgets").then();

        // then
        assertErrorFormat(response, 400, "validation_failed")
                .body("details.violations[0].field", equalTo("limit"));
    }

    @Test
    void shouldAnswerPayloadTooLargeInPlatformFormatWhenContentLengthExceedsLimit() {
        // given
        var request = given().contentType(ContentType.JSON)
                .body("{\"name\": \"" + "x".repeat(4096) + "\", \"quantity\": 1}");

        // when
        var response = request.post("/api/v3/widgets").then();

        // then
        assertErrorFormat(response, 413, "payload_too_large")
                .body("details.max_bytes", equalTo(2048));
    }

    @Test
    void shouldAnswerPayloadTooLargeInPlatformFormatWhenChunkedBodyExceedsLimit() throws Exception {
        // given
        byte[] body = ("{\"name\": \"" + "x".repeat(8192) + "\", \"quantity\": 1}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(widgets)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        // when
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue(StrideHeaders.CORRELATION_ID)).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        Map<?, ?> error = new ObjectMapper().readValue(response.body(), Map.class);
        assertThat(error.get("error")).isEqualTo("payload_too_large");
        assertThat(error.get("code")).isEqualTo(413);
    }

    @Test
    void shouldServeChunkedBodyWhenItFitsTheLimit() throws Exception {
        // given
        byte[] body = "{\"name\": \"rower\", \"quantity\": 2}".getBytes();
        HttpRequest request = HttpRequest.newBuilder(widgets)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        // when
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        // then
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(new ObjectMapper().readValue(response.body(), Map.class)).containsEntry("name", "rower");
    }

    @Test
    void shouldHideInternalsAndLogOnceAtErrorWhenResourceThrowsUnexpectedException() {
        // given
        try (LogCapture logs = LogCapture.install()) {

            // when
            var response = given().get("/api/v3/failures/bug").then();

            // then
            assertErrorFormat(response, 500, "internal_error")
                    .body("message", equalTo("An unexpected error occurred"))
                    .body(not(containsString("secret")))
                    .body(not(containsString("IllegalStateException")));
            assertThat(logs.records())
                    .filteredOn(record -> record.getThrown() != null
                            && FailureResource.BUG_MESSAGE.equals(record.getThrown().getMessage()))
                    .singleElement()
                    .satisfies(record -> assertThat(record.getLevel()).isEqualTo(Level.SEVERE));
        }
    }

    @Test
    void shouldHideInternalsAndLogOnceAtErrorWhenVertxRouteFails() {
        // given
        try (LogCapture logs = LogCapture.install()) {

            // when
            var response = given().get("/test/vertx-failure").then();

            // then
            assertErrorFormat(response, 500, "internal_error")
                    .body(not(containsString("vertx internals")));
            assertThat(logs.records())
                    .filteredOn(record -> record.getThrown() != null
                            && TestRoutes.VERTX_BUG_MESSAGE.equals(record.getThrown().getMessage()))
                    .singleElement()
                    .satisfies(record -> assertThat(record.getLevel()).isEqualTo(Level.SEVERE));
        }
    }

    @Test
    void shouldKeepFieldOrderOfThePlatformFormatWhenWritingAnError() {
        // given
        var request = given().accept(ContentType.JSON);

        // when
        String body = request.get("/nope").then().extract().asString();

        // then
        assertThat(body).startsWith("{\"error\":\"not_found\",\"message\":");
        assertThat(body).contains("\"code\":404,\"details\":{}");
    }
}
