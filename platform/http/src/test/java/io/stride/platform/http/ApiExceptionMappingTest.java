package io.stride.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ApiExceptionMappingTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "validation,      400, validation_failed",
        "unauthenticated, 401, unauthenticated",
        "forbidden,       403, forbidden",
        "not-found,       404, not_found",
        "conflict,        409, version_conflict",
        "unprocessable,   422, workout_already_finished",
        "rate-limited,    429, rate_limited",
        "unavailable,     503, service_unavailable",
    })
    void shouldAnswerWithFactoryStatusAndCodeWhenAppThrowsApiException(String kind, int status, String error) {
        // given
        var request = given().accept(ContentType.JSON);

        // when
        var response = request.get("/api/v3/failures/" + kind).then();

        // then
        response.statusCode(status)
                .contentType(ContentType.JSON)
                .header(StrideHeaders.CORRELATION_ID, notNullValue())
                .body("error", equalTo(error))
                .body("code", equalTo(status))
                .body("message", notNullValue())
                .body("details", notNullValue());
    }

    @Test
    void shouldCarryFieldViolationWhenValidationFactoryNamesAField() {
        // given
        var request = given();

        // when
        var response = request.get("/api/v3/failures/validation").then();

        // then
        response.body("details.violations[0].field", equalTo("startedAt"))
                .body("details.violations[0].message", equalTo("must be in the past"));
    }

    @Test
    void shouldSendRetryAfterInWholeSecondsWhenRateLimitedOrUnavailable() {
        // given
        var request = given();

        // when
        var rateLimited = request.get("/api/v3/failures/rate-limited").then();
        var unavailable = given().get("/api/v3/failures/unavailable").then();

        // then
        rateLimited.header("Retry-After", "2").body("details.retry_after_seconds", equalTo(2));
        unavailable.header("Retry-After", "5").body("details.retry_after_seconds", equalTo(5));
    }

    @Test
    void shouldKeepDomainDetailsWhenConflictCarriesThem() {
        // given
        var request = given();

        // when
        var response = request.get("/api/v3/failures/conflict").then();

        // then
        response.body("details.expected_version", equalTo(3))
                .body("details.actual_version", equalTo(4));
    }

    @Test
    void shouldRefuseCodeWhenItIsNotSnakeCase() {
        // given
        Map<String, Object> details = Map.of();

        // when / then
        assertThatThrownBy(() -> ApiException.conflict("VersionConflict", "x", details))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiException(302, "moved", "x", details))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRoundRetryAfterUpWhenDurationHasFraction() {
        // given
        var retryAfter = Duration.ofMillis(200);

        // when
        var exception = ApiException.rateLimited(retryAfter);

        // then
        assertThat(exception.details()).containsEntry("retry_after_seconds", 1L);
        assertThat(exception.getStackTrace()).isEmpty();
    }
}
