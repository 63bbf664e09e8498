package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class OpenLoopTest {

    @Test
    void shouldSpaceRequestsEvenlyFromTheStartWhateverTheRate() {
        // given: 4 requests/s from t = 1,000 ns
        long start = 1_000;

        // when / then: every 250 ms, counted from the start (not from the previous send)
        assertThat(OpenLoop.dueAt(start, 0, 4)).isEqualTo(1_000);
        assertThat(OpenLoop.dueAt(start, 1, 4)).isEqualTo(250_001_000L);
        assertThat(OpenLoop.dueAt(start, 8, 4)).isEqualTo(2_000_001_000L);
        // 5,000/s for an hour: no drift from rounding an interval (1/3 µs would lose 1 ns per request)
        assertThat(OpenLoop.dueAt(0, 18_000_000, 5_000)).isEqualTo(3_600_000_000_000L);
        assertThat(OpenLoop.dueAt(0, 3, 3_000_000)).isEqualTo(1_000);
    }

    @Test
    void shouldOfferRateTimesSecondsRequests() {
        assertThat(OpenLoop.requests(5_000, 30)).isEqualTo(150_000);
        assertThat(OpenLoop.requests(3, 0.5)).isEqualTo(2);
        assertThatIllegalArgumentException().isThrownBy(() -> OpenLoop.dueAt(0, 1, 0));
    }

    @Test
    void shouldKeepEachRequestsDueTimeWhenTheSenderIsLate() {
        // given: a sender whose first request holds it up 30 ms, at 200 requests/s (due every 5 ms), on a test clock
        TestTicker ticker = new TestTicker();
        List<long[]> sent = new ArrayList<>();

        // when
        OpenLoop.Schedule schedule = OpenLoop.run(200, 0.05, (index, due) -> {
            sent.add(new long[] {index, due, ticker.now});
            if (index == 0) {
                ticker.now += 30_000_000L;
            }
        }, ticker);

        // then: every request was sent, each with its own due time 5 ms after the previous one's; those held up by the
        // first went out at once, late, rather than being moved (their latency counts from the due time)
        assertThat(schedule.sent()).isEqualTo(10);
        assertThat(sent).hasSize(10);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i)[1] - sent.get(i - 1)[1]).isEqualTo(5_000_000L);
        }
        assertThat(sent.get(1)[2] - sent.get(1)[1]).isEqualTo(25_000_000L);
        assertThat(sent.get(6)[2]).isEqualTo(sent.get(6)[1]);
        assertThat(schedule.maxLateMillis()).isEqualTo(25.0);
        assertThat(schedule.perSecond()).isEqualTo(10 / 0.045);
    }

    /** Time that passes only when the schedule waits or a sender takes it. */
    private static final class TestTicker implements OpenLoop.Ticker {
        long now = 1_000;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void waitUntil(long nanos) {
            now = Math.max(now, nanos);
        }
    }
}
