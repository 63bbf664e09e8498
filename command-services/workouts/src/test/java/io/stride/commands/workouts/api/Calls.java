package io.stride.commands.workouts.api;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The workouts API as its clients call it: a credential, a new Idempotency-Key per command unless given. */
final class Calls {

    private Calls() {
    }

    static RequestSpecification as(String authorization) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", authorization);
    }

    static RequestSpecification command(String authorization) {
        return as(authorization).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /** Starts a running workout for the credential's user: its id. */
    static UUID started(String authorization) {
        UUID workoutId = UUID.randomUUID();
        command(authorization)
                .body(Map.of("workout_id", workoutId.toString(), "sport", "running", "title", "Morning run"))
                .post("/api/v1/workouts")
                .then()
                .statusCode(201);
        return workoutId;
    }

    static Response post(String authorization, UUID workoutId, String action, Object body) {
        RequestSpecification request = command(authorization);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/workouts/" + workoutId + "/" + action);
    }

    static Response get(String authorization, UUID workoutId) {
        return as(authorization).get("/api/v1/workouts/" + workoutId);
    }
}
