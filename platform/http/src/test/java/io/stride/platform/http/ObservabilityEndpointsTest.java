package io.stride.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ObservabilityEndpointsTest {

    @Test
    void shouldServePrometheusMetricsWhenScrapingMetricsPath() {
        // given
        given().get("/api/v3/widgets").then().statusCode(200);

        // when
        var response = given().accept("text/plain").get("/metrics").then();

        // then
        response.statusCode(200)
                .header("Content-Type", startsWith("text/plain"))
                .body(containsString("# TYPE"))
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void shouldAnswerUpWhenEveryCheckIsUp() {
        // given
        ToggleHealthCheck.UP.set(true);

        // when
        var response = given().get("/healthcheck").then();

        // then
        response.statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void shouldAnswerServiceUnavailableWhenACheckIsDown() {
        // given
        ToggleHealthCheck.UP.set(false);
        try {

            // when
            var response = given().get("/healthcheck").then();

            // then
            response.statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'toggle' }.status", equalTo("DOWN"));
        } finally {
            ToggleHealthCheck.UP.set(true);
        }
    }

    @Test
    void shouldServeQuarkusHealthGroupsWhenHealthcheckHasASubPath() {
        // given
        var request = given();

        // when
        var response = request.get("/healthcheck/live").then();

        // then
        response.statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void shouldPublishOpenApiAndSwaggerUiWhenAppHasResources() {
        // given
        var request = given().queryParam("format", "json");

        // when
        var openApi = request.get("/q/openapi").then();

        // then
        openApi.statusCode(200)
                .body("paths", hasKey("/api/v3/widgets"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        assertThat(ConfigProvider.getConfig().getValue("quarkus.swagger-ui.always-include", Boolean.class)).isTrue();
    }

    @Test
    void shouldContinueIncomingTraceWhenRequestCarriesW3cTraceparent() {
        // given
        var request = given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        // when
        var response = request.get("/api/v3/context").then();

        // then
        response.statusCode(200)
                .body("trace_id", equalTo("4bf92f3577b34da6a3ce929d0e0e4736"))
                .body("span_id", matchesPattern("[0-9a-f]{16}"));
    }
}
