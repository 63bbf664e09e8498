package io.stride.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.stride.platform.http.ApiVersionSelector.Conflict;
import io.stride.platform.http.ApiVersionSelector.Malformed;
import io.stride.platform.http.ApiVersionSelector.NotVersioned;
import io.stride.platform.http.ApiVersionSelector.Selected;

class ApiVersionSelectorTest {

    private final ApiVersionSelector selector = new ApiVersionSelector("/api", 2);

    @Test
    void shouldIgnoreRequestWhenPathIsOutsidePrefix() {
        // given
        var path = "/apiary/v1/x";

        // when
        var selection = selector.select(path, List.of("application/vnd.stride.v1+json"), List.of("1"));

        // then
        assertThat(selection).isInstanceOf(NotVersioned.class);
    }

    @Test
    void shouldPickCurrentVersionAndRerouteWhenNoSelectorIsGiven() {
        // given
        var path = "/api/workouts/42";

        // when
        var selection = selector.select(path, List.of("application/json"), List.of());

        // then
        assertThat(selection).isEqualTo(new Selected(2, false, Optional.of("/api/v2/workouts/42")));
    }

    @Test
    void shouldKeepPathWhenItAlreadyNamesTheVersion() {
        // given
        var path = "/api/v1/workouts";

        // when
        var selection = selector.select(path, List.of(), List.of());

        // then
        assertThat(selection).isEqualTo(new Selected(1, false, Optional.empty()));
    }

    @Test
    void shouldPickAcceptVersionWhenAcceptListsVendorTypeAmongOthers() {
        // given
        var accept = List.of("text/html;q=0.5, application/vnd.stride.v1+json;q=0.9");

        // when
        var selection = selector.select("/api/workouts", accept, List.of());

        // then
        assertThat(selection).isEqualTo(new Selected(1, true, Optional.of("/api/v1/workouts")));
    }

    @Test
    void shouldAgreeWhenAllThreeSelectorsNameTheSameVersion() {
        // given
        var accept = List.of("application/vnd.stride.v01+json");

        // when
        var selection = selector.select("/api/v1/workouts", accept, List.of("v1"));

        // then
        assertThat(selection).isEqualTo(new Selected(1, true, Optional.empty()));
    }

    @Test
    void shouldReportConflictWhenPathAndQueryDisagree() {
        // given
        var path = "/api/v1/workouts";

        // when
        var selection = selector.select(path, List.of(), List.of("2"));

        // then
        assertThat(selection).isEqualTo(new Conflict(Map.of("path", "1", "query", "2")));
    }

    @Test
    void shouldReportConflictWhenAcceptNamesTwoVersions() {
        // given
        var accept = List.of("application/vnd.stride.v1+json", "application/vnd.stride.v2+json");

        // when
        var selection = selector.select("/api/workouts", accept, List.of());

        // then
        assertThat(selection).isEqualTo(new Conflict(Map.of("accept", "1,2")));
    }

    @Test
    void shouldReportMalformedWhenAcceptVersionIsNotANumber() {
        // given
        var accept = List.of("application/vnd.stride.vnext+json");

        // when
        var selection = selector.select("/api/workouts", accept, List.of());

        // then
        assertThat(selection).isEqualTo(new Malformed("accept", "next"));
    }

    @Test
    void shouldTreatNonVersionSegmentAsResourceWhenItIsNotVDigits() {
        // given
        var path = "/api/vehicles";

        // when
        var selection = selector.select(path, List.of(), List.of());

        // then
        assertThat(selection).isEqualTo(new Selected(2, false, Optional.of("/api/v2/vehicles")));
    }

    @Test
    void shouldBuildSuccessorPathWhenAskedForAnotherVersion() {
        // given
        var path = "/api/v1/workouts/42";

        // when
        var successor = selector.inVersion(path, 3);

        // then
        assertThat(successor).isEqualTo("/api/v3/workouts/42");
    }
}
