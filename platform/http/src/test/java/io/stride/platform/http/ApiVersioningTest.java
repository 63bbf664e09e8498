package io.stride.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Test config: v1 sunsetted, v2 deprecated (successor 3), v3 current. */
@QuarkusTest
class ApiVersioningTest {

    private static final String V2 = "application/vnd.stride.v2+json";
    private static final String V3 = "application/vnd.stride.v3+json";

    @Test
    void shouldServeCurrentVersionWhenRequestNamesNoVersion() {
        // given
        var request = given().accept(ContentType.JSON);

        // when
        var response = request.get("/api/widgets").then();

        // then
        response.statusCode(200)
                .contentType(ContentType.JSON)
                .body("version", equalTo(3))
                .header(StrideHeaders.DEPRECATION, nullValue());
    }

    @Test
    void shouldRouteToAcceptedVersionWhenAcceptNamesVendorType() {
        // given
        var request = given().accept(V2);

        // when
        var response = request.get("/api/widgets").then();

        // then
        response.statusCode(200)
                .header("Content-Type", startsWith(V2))
                .body("version", equalTo(2));
    }

    @Test
    void shouldRouteToQueriedVersionAndKeepQueryWhenVersionParameterIsGiven() {
        // given
        var request = given().queryParam("version", 3).queryParam("limit", 7);

        // when
        var response = request.get("/api/widgets").then();

        // then
        response.statusCode(200)
                .contentType(ContentType.JSON)
                .body("version", equalTo(3))
                .body("limit", equalTo(7));
    }

    @Test
    void shouldAcceptVendorTypeWhenResourceProducesJson() {
        // given
        var request = given().accept(V3);

        // when
        var response = request.get("/api/v3/widgets").then();

        // then
        response.statusCode(200)
                .header("Content-Type", startsWith(V3))
                .body("version", equalTo(3));
    }

    @Test
    void shouldRerouteRequestBodyWhenPostingToUnversionedPath() {
        // given
        var request = given().contentType(ContentType.JSON).body("{\"name\": \"rower\", \"quantity\": 2}");

        // when
        var response = request.post("/api/widgets").then();

        // then
        response.statusCode(201).body("name", equalTo("rower"));
    }

    @Test
    void shouldRejectWithConflictWhenPathAndAcceptNameDifferentVersions() {
        // given
        var request = given().accept(V2);

        // when
        var response = request.get("/api/v3/widgets").then();

        // then
        response.statusCode(400)
                .body("error", equalTo("api_version_conflict"))
                .body("code", equalTo(400))
                .body("details.selectors.path", equalTo("3"))
                .body("details.selectors.accept", equalTo("2"));
    }

    @Test
    void shouldRejectWithConflictWhenAcceptAndQueryNameDifferentVersions() {
        // given
        var request = given().accept(V3).queryParam("version", 2);

        // when
        var response = request.get("/api/widgets").then();

        // then
        response.statusCode(400)
                .body("error", equalTo("api_version_conflict"))
                .body("details.selectors.accept", equalTo("3"))
                .body("details.selectors.query", equalTo("2"));
    }

    @Test
    void shouldRejectAsUnsupportedWhenVersionIsUnknown() {
        // given
        var request = given().accept(ContentType.JSON);

        // when
        var response = request.get("/api/v9/widgets").then();

        // then
        response.statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("unsupported_api_version"))
                .body("details.requested", equalTo("9"))
                .body("details.supported", contains(2, 3));
    }

    @Test
    void shouldRejectAsUnsupportedWhenQueryVersionIsNotANumber() {
        // given
        var request = given().queryParam("version", "latest");

        // when
        var response = request.get("/api/widgets").then();

        // then
        response.statusCode(400)
                .body("error", equalTo("unsupported_api_version"))
                .body("details.requested", equalTo("latest"));
    }

    @Test
    void shouldAnswerGoneInPlatformFormatWhenVersionIsSunsetted() {
        // given
        var request = given().accept(ContentType.JSON);

        // when
        var response = request.get("/api/v1/widgets").then();

        // then
        response.statusCode(410)
                .contentType(ContentType.JSON)
                .header(StrideHeaders.CORRELATION_ID, notNullValue())
                .header(StrideHeaders.SUNSET, "Fri, 31 Jan 2025 00:00:00 GMT")
                .header("Link", "</api/v3/widgets>; rel=\"successor-version\"")
                .body("error", equalTo("api_version_sunsetted"))
                .body("code", equalTo(410))
                .body("details.version", equalTo(1))
                .body("details.successor", equalTo(3));
    }

    @Test
    void shouldServeWithDeprecationSunsetAndSuccessorLinkWhenVersionIsDeprecated() {
        // given
        var request = given().accept(ContentType.JSON);

        // when
        var response = request.get("/api/v2/widgets").then();

        // then
        response.statusCode(200)
                .body("version", equalTo(2))
                .header(StrideHeaders.DEPRECATION, "@1767225600")
                .header(StrideHeaders.SUNSET, "Sun, 30 Jun 2030 00:00:00 GMT")
                .header("Link", "</api/v3/widgets>; rel=\"successor-version\"");
    }

    @Test
    void shouldLeaveOtherPathsAloneWhenTheyAreOutsideTheApiPrefix() {
        // given
        var request = given().accept(V2);

        // when
        var response = request.get("/healthcheck").then();

        // then
        response.statusCode(200);
    }
}
