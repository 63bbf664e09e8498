package io.stride.commands.users.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.security.Authenticated;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.testing.DevstackResource;

/**
 * Authentication is not proactive ({@code quarkus.http.auth.proactive=false}): an endpoint without a security
 * annotation would be open. Every endpoint declares one, every protected one refuses a missing or forged token, and
 * the one restricted to a role (an admin's erasure of any user) refuses an athlete's token.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class EndpointSecurityTest {

    private static final List<Class<? extends Annotation>> SECURITY = List.of(RolesAllowed.class,
            Authenticated.class, PermitAll.class, DenyAll.class);

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8083", "http://localhost:8083", "http://127.0.0.1:8086", "http://localhost:8086"})
    void shouldLetAStridePageSignInWhenItsOriginIsOneOfTheDefaultDevOrigins(String page) {
        // when: the browser's preflight of the page's login request
        given().header("Origin", page)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/v1/auth/login")
                // then: the live-tracking and workout-history pages of ./stride up may sign in
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(page));
    }

    @Test
    void shouldNotLetAnotherOriginSignInWhenItIsNotAStridePage() {
        given().header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/auth/login")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldDeclareASecurityAnnotationWhenAMethodIsAnEndpoint() {
        // given
        List<Class<?>> resources = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.stride.commands.users")
                .stream()
                .filter(type -> type.isAnnotatedWith(Path.class))
                .map(JavaClass::reflect)
                .toList();
        List<String> endpoints = new ArrayList<>();
        List<String> unannotated = new ArrayList<>();

        // when
        for (Class<?> resource : resources) {
            boolean classLevel = SECURITY.stream().anyMatch(resource::isAnnotationPresent);
            for (Method method : resource.getDeclaredMethods()) {
                boolean endpoint = Arrays.stream(method.getAnnotations())
                        .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class));
                if (!endpoint) {
                    continue;
                }
                endpoints.add(resource.getSimpleName() + "." + method.getName());
                if (!classLevel && SECURITY.stream().noneMatch(method::isAnnotationPresent)) {
                    unannotated.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }

        // then
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(15);
        assertThat(unannotated).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/auth/logout",
            "GET, /api/v1/users/me",
            "PATCH, /api/v1/users/me",
            "PUT, /api/v1/users/me/password",
            "POST, /api/v1/users/me/totp",
            "POST, /api/v1/users/me/totp/confirm",
            "POST, /api/v1/users/me/devices",
            "GET, /api/v1/users/me/devices",
            "DELETE, /api/v1/users/me/devices/3f1c2a9e-4b7d-4c1e-9a55-0d6b2f8e7c10",
            "GET, /api/v1/users/me/export",
            "DELETE, /api/v1/users/me",
            "DELETE, /api/v1/users/3f1c2a9e-4b7d-4c1e-9a55-0d6b2f8e7c10"})
    void shouldAnswerUnauthenticatedWhenAProtectedEndpointIsCalledWithoutAValidToken(String method, String path) {
        // given
        String forged = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIke1VVSUQucmFuZG9tVVVJRCgpfSJ9.c2lnbmF0dXJl";

        // when / then
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .request(method, path)
                .then()
                .statusCode(401)
                .body("error", equalTo("unauthenticated"))
                .body("code", equalTo(401));
        given().contentType(ContentType.JSON)
                .header("Authorization", forged)
                .header("X-Correlation-Id", "security-test-" + UUID.randomUUID())
                .body("{}")
                .when()
                .request(method, path)
                .then()
                .statusCode(401)
                .body("error", equalTo("unauthenticated"));
    }

    @Test
    void shouldAnswerForbiddenWhenAnAthleteErasesAnotherUser() {
        // given
        TestClients.Account athlete = TestClients.newAccount();
        TestClients.Account other = TestClients.newAccount();

        // when / then
        given().header("Authorization", athlete.bearer())
                .when()
                .delete("/api/v1/users/" + other.userId())
                .then()
                .statusCode(403)
                .body("error", equalTo("forbidden"))
                .body("code", equalTo(403));
        given().header("Authorization", other.bearer())
                .when()
                .get("/api/v1/users/me")
                .then()
                .statusCode(200);
    }
}
