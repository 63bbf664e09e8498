package io.stride.ingest.telemetrygateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stride.ingest.telemetrygateway.messaging.WorkoutOwnerStore;
import io.stride.ingest.telemetrygateway.recording.RecordingReadersTest;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class RecordingImportResourceTest {

    private static final String PATH = "/api/v1/telemetry/recordings";

    @Inject
    WorkoutOwnerStore owners;

    @Test
    void shouldPublishEveryPointWhenAGpxRecordingIsImported() {
        // given: a recording from months ago
        UUID workout = UUID.randomUUID();
        UUID user = TestDevices.userWithKey();

        // when / then
        given().auth().oauth2(TestIssuer.token(user, "athlete"))
                .contentType("application/gpx+xml").body(RecordingReadersTest.gpx())
                .queryParam("format", "gpx").queryParam("workout_id", workout)
                .post(PATH)
                .then()
                .statusCode(202)
                .body("workout_id", equalTo(workout.toString()))
                .body("points", equalTo(2))
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(0))
                .body("rejections", empty())
                .body("highest_sequence_numbers.import-gpx", equalTo(2));
    }

    @Test
    void shouldPublishEveryRecordWhenAFitRecordingIsImported() throws Exception {
        // given
        Path dir = Files.createTempDirectory("fit");
        byte[] fit = RecordingReadersTest.fit(dir);

        // when / then: a workout id is made up when none is given
        given().auth().oauth2(TestIssuer.token(TestDevices.userWithKey(), "athlete"))
                .contentType("application/vnd.ant.fit").body(fit)
                .queryParam("format", "fit").queryParam("device_id", "edge-530")
                .post(PATH)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(3))
                .body("highest_sequence_numbers.edge-530", equalTo(3));
    }

    @Test
    void shouldImportAPointWithoutPositionWhenATcxTrackpointOnlyHasHeartRate() {
        // when / then: the second trackpoint has only a heart rate, which is a valid sample
        given().auth().oauth2(TestIssuer.token(TestDevices.userWithKey(), "athlete"))
                .contentType("application/vnd.garmin.tcx+xml").body(RecordingReadersTest.tcx())
                .queryParam("format", "tcx")
                .post(PATH)
                .then()
                .statusCode(202)
                .body("points", equalTo(2))
                .body("accepted", equalTo(2));
    }

    @Test
    void shouldImportEveryPointWhenTheRecordingIsYearsOld() {
        // given: a run recorded in 2009, older than any age a live device's samples may have
        String gpx = RecordingReadersTest.gpx().replace("2025-04-05", "2009-06-14");

        // when / then: no workouts service in this test, so the samples alone go on (no workout status)
        given().auth().oauth2(TestIssuer.token(TestDevices.userWithKey(), "athlete"))
                .contentType("application/gpx+xml").body(gpx)
                .queryParam("format", "gpx").queryParam("sport", "Running").queryParam("title", "First marathon")
                .post(PATH)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(0))
                .body("workout_status", nullValue());
    }

    @Test
    void shouldCountAndIndexRefusedPointsOverTheWholeRecordingWhenItSpansSeveralBatches() {
        // given: 1,200 points a second apart (three batches of at most 500), two of them dated a year ahead
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            String year = i == 3 || i == 1_104 ? Year.now().plusYears(1).toString() : "2021";
            points.append("<trkpt lat=\"").append(55.7558 + i * 0.00001).append("\" lon=\"37.6173\"><time>")
                    .append(year).append("-03-01T07:").append(String.format("%02d:%02d", i / 60, i % 60))
                    .append("Z</time></trkpt>");
        }
        String gpx = "<?xml version=\"1.0\"?><gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                + "<trk><trkseg>" + points + "</trkseg></trk></gpx>";

        // when / then: the refused points are named by their place in the file; the others are all published
        given().auth().oauth2(TestIssuer.token(TestDevices.userWithKey(), "athlete"))
                .contentType("application/gpx+xml").body(gpx)
                .queryParam("format", "gpx")
                .post(PATH)
                .then()
                .statusCode(202)
                .body("points", equalTo(1_200))
                .body("accepted", equalTo(1_198))
                .body("rejected", equalTo(2))
                .body("rejections.index", contains(3, 1_104))
                .body("rejections[1].violations[0].field", equalTo("recorded_at"))
                .body("highest_sequence_numbers.import-gpx", equalTo(1_200));
    }

    @Test
    void shouldRefuseWithNothingImportableAndTheReasonsWhenNoPointCanBeImported() {
        // given: a recording whose every point is dated a year ahead (a watch with a wrong clock)
        String gpx = RecordingReadersTest.gpx().replace("2025-04-05", Year.now().plusYears(1) + "-04-05");

        // when / then
        given().auth().oauth2(TestIssuer.token(TestDevices.userWithKey(), "athlete"))
                .contentType("application/gpx+xml").body(gpx)
                .queryParam("format", "gpx")
                .post(PATH)
                .then()
                .statusCode(422)
                .body("error", equalTo("nothing_importable"))
                .body("code", equalTo(422))
                .body("details.points", equalTo(2))
                .body("details.rejected", equalTo(2))
                .body("details.rejections[0].violations[0].field", equalTo("recorded_at"))
                .body("details.rejections[1].index", equalTo(1));
    }

    @Test
    void shouldRefuseAnUnknownSportOrATooLongTitleInTheErrorFormat() {
        String token = TestIssuer.token(TestDevices.userWithKey(), "athlete");
        given().auth().oauth2(token).body(RecordingReadersTest.gpx())
                .queryParam("format", "gpx").queryParam("sport", "quidditch").post(PATH)
                .then().statusCode(400).body("error", equalTo("validation_failed"))
                .body("details.violations[0].field", equalTo("sport"));
        given().auth().oauth2(token).body(RecordingReadersTest.gpx())
                .queryParam("format", "gpx").queryParam("title", "x".repeat(201)).post(PATH)
                .then().statusCode(400).body("details.violations[0].field", equalTo("title"));
    }

    @Test
    void shouldRefuseInTheErrorFormatWhenTheRequestOrTheFileIsWrong() {
        String token = TestIssuer.token(TestDevices.userWithKey(), "athlete");
        given().auth().oauth2(token).body(RecordingReadersTest.gpx()).post(PATH)
                .then().statusCode(400).body("error", equalTo("validation_failed"))
                .body("details.violations[0].field", equalTo("format"));
        given().auth().oauth2(token).body("not a fit file").queryParam("format", "fit").post(PATH)
                .then().statusCode(422).body("error", equalTo("unreadable_recording")).body("code", equalTo(422))
                .body("details.format", equalTo("fit"));
        given().auth().oauth2(token)
                .body("<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><gpx>&x;</gpx>")
                .queryParam("format", "gpx").post(PATH)
                .then().statusCode(422).body("error", equalTo("unreadable_recording"));
    }

    @Test
    void shouldRefuseWithUnauthenticatedWhenNoValidAccessTokenIsPresented() {
        // when / then: no token, a garbage token, a device credential instead of a user token
        given().body(RecordingReadersTest.gpx()).queryParam("format", "gpx").post(PATH)
                .then().statusCode(401).body("error", equalTo("unauthenticated")).body("code", equalTo(401));
        given().auth().oauth2("not.a.token").body(RecordingReadersTest.gpx()).queryParam("format", "gpx").post(PATH)
                .then().statusCode(401).body("error", equalTo("unauthenticated"));
        given().header("Authorization", "Device " + UUID.randomUUID() + ".secret").body(RecordingReadersTest.gpx())
                .queryParam("format", "gpx").post(PATH)
                .then().statusCode(401).body("error", equalTo("unauthenticated"));
    }

    @Test
    void shouldRefuseWithForbiddenWhenTheTokenLacksTheAthleteRole() {
        // when / then
        given().auth().oauth2(TestIssuer.token(UUID.randomUUID(), "marketing"))
                .body(RecordingReadersTest.gpx()).queryParam("format", "gpx").post(PATH)
                .then().statusCode(403).body("error", equalTo("forbidden")).body("code", equalTo(403));
    }

    @Test
    void shouldRefuseWithForbiddenWhenTheWorkoutIsKnownToBelongToAnotherAthlete() throws Exception {
        // given
        UUID user = TestDevices.userWithKey();
        UUID othersWorkout = UUID.randomUUID();
        TestDevices.claimWorkout(othersWorkout, UUID.randomUUID());
        await("the gateway knows the workout's owner").atMost(Duration.ofSeconds(30))
                .until(() -> owners.ownerOf(othersWorkout).isPresent());

        // when / then
        given().auth().oauth2(TestIssuer.token(user, "athlete"))
                .body(RecordingReadersTest.gpx()).queryParam("format", "gpx").queryParam("workout_id", othersWorkout)
                .post(PATH)
                .then().statusCode(403).body("error", equalTo("forbidden")).body("details.field", equalTo("workout_id"));
    }

    @Test
    void shouldImportAsTheTokensUserWhenAUserIdParameterNamesSomeoneElse() {
        // given
        UUID user = TestDevices.userWithKey();
        UUID workout = UUID.randomUUID();

        // when
        given().auth().oauth2(TestIssuer.token(user, "athlete"))
                .body(RecordingReadersTest.gpx()).queryParam("format", "gpx").queryParam("workout_id", workout)
                .queryParam("user_id", UUID.randomUUID())
                .post(PATH)
                .then().statusCode(202).body("accepted", equalTo(2));

        // then
        assertThat(TelemetryBatchResourceTest.samplesOf(workout, 2))
                .allSatisfy(sample -> assertThat(sample.get("userId")).hasToString(user.toString()));
    }
}
