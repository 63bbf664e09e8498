package io.stride.processors.leaderboards.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.stride.platform.http.ApiException;
import io.stride.processors.leaderboards.domain.BoardKey;
import io.stride.processors.leaderboards.domain.Metric;
import io.stride.processors.leaderboards.domain.PeriodKind;

class TopAnswersTest {

    static final BoardKey BOARD = new BoardKey(BoardKey.GLOBAL, PeriodKind.WEEK, "2025-W23", "RUNNING",
            Metric.DISTANCE);

    final AtomicInteger reads = new AtomicInteger();

    BoardViews.TopView answer(int size) {
        return new BoardViews.TopView(BOARD.toString(), "m", size, List.of());
    }

    @Test
    void shouldReadABoardOnceForEveryRequestWithinTheMaxAgeAndAgainAfterIt() throws Exception {
        // given: a read that blocks until released, so that requests pile up behind it
        CountDownLatch release = new CountDownLatch(1);
        TopAnswers answers = new TopAnswers((board, limit) -> {
            int read = reads.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer(read);
        }, Duration.ofSeconds(30));

        // when: twenty requests at once, one of another limit
        List<Thread> requests = new ArrayList<>();
        List<BoardViews.TopView> answered = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            requests.add(Thread.ofVirtual().start(() -> answered.add(answers.top(BOARD, 10))));
        }
        Thread other = Thread.ofVirtual().start(() -> answered.add(answers.top(BOARD, 5)));
        release.countDown();
        for (Thread request : requests) {
            request.join();
        }
        other.join();

        // then: one read per (board, limit), each request answered by it
        assertThat(reads).hasValue(2);
        assertThat(answered).hasSize(21);
        assertThat(answers.top(BOARD, 10)).isSameAs(answers.top(BOARD, 10));
        assertThat(reads).hasValue(2);
    }

    @Test
    void shouldReadAgainOnceTheAnswerIsOlderThanTheMaxAge() throws Exception {
        // given
        TopAnswers answers = new TopAnswers((board, limit) -> answer(reads.incrementAndGet()), Duration.ZERO);

        // when
        BoardViews.TopView first = answers.top(BOARD, 10);
        BoardViews.TopView second = answers.top(BOARD, 10);

        // then
        assertThat(first.size()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
    }

    @Test
    void shouldNotKeepAFailedReadSoThatTheNextRequestReadsAgain() {
        // given: the first read finds the boards loading
        TopAnswers answers = new TopAnswers((board, limit) -> {
            if (reads.incrementAndGet() == 1) {
                throw ApiException.unavailable("Leaderboards are loading, retry shortly", Duration.ofSeconds(2));
            }
            return answer(reads.get());
        }, Duration.ofSeconds(30));

        // when / then
        assertThatThrownBy(() -> answers.top(BOARD, 10)).isInstanceOfSatisfying(ApiException.class,
                unavailable -> assertThat(unavailable.status()).isEqualTo(503));
        assertThat(answers.top(BOARD, 10).size()).isEqualTo(2);
    }
}
