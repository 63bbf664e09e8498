package io.stride.processors.leaderboards.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.stride.platform.http.ApiException;
import io.stride.processors.leaderboards.domain.BoardKey;
import io.stride.processors.leaderboards.domain.Metric;
import io.stride.processors.leaderboards.domain.PeriodKind;

class TopAnswersTest {

    static final BoardKey BOARD = new BoardKey(BoardKey.GLOBAL, PeriodKind.WEEK, "2025-W23", "RUNNING",
            Metric.DISTANCE);

    final AtomicInteger reads = new AtomicInteger();
    /** The answers' clock, in nanoseconds: moved by the tests. */
    final AtomicLong now = new AtomicLong();
    final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    static byte[] answer(int read) {
        return ("{\"read\":" + read + "}").getBytes(StandardCharsets.UTF_8);
    }

    static String text(CompletionStage<byte[]> answer) {
        return new String(answer.toCompletableFuture().join(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadABoardOnceForEveryRequestWithinTheMaxAge() {
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
        }, Duration.ofSeconds(30), readers, now::get);

        // when: twenty requests while the first read runs, one of them for another limit
        List<CompletionStage<byte[]>> answered = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answered.add(answers.top(BOARD, 10));
        }
        CompletionStage<byte[]> other = answers.top(BOARD, 5);
        release.countDown();

        // then: one read per (board, limit), each request answered by it, and kept within the max age
        assertThat(answered).extracting(TopAnswersTest::text).containsOnly("{\"read\":1}").hasSize(20);
        assertThat(text(other)).isEqualTo("{\"read\":2}");
        assertThat(text(answers.top(BOARD, 10))).isEqualTo("{\"read\":1}");
        assertThat(reads).hasValue(2);
    }

    @Test
    void shouldReadAgainOnceTheAnswerIsOlderThanTheMaxAge() {
        // given
        TopAnswers answers = new TopAnswers((board, limit) -> answer(reads.incrementAndGet()),
                Duration.ofMillis(100), readers, now::get);

        // when
        String first = text(answers.top(BOARD, 10));
        now.set(Duration.ofMillis(100).toNanos());
        String second = text(answers.top(BOARD, 10));

        // then
        assertThat(first).isEqualTo("{\"read\":1}");
        assertThat(second).isEqualTo("{\"read\":2}");
    }

    @Test
    void shouldNotKeepAFailedReadSoThatTheNextRequestReadsAgain() {
        // given: the first read finds the boards loading
        TopAnswers answers = new TopAnswers((board, limit) -> {
            if (reads.incrementAndGet() == 1) {
                throw ApiException.unavailable("Leaderboards are loading, retry shortly", Duration.ofSeconds(2));
            }
            return answer(reads.get());
        }, Duration.ofSeconds(30), readers, now::get);

        // when / then
        assertThatThrownBy(() -> answers.top(BOARD, 10).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ApiException.class,
                        unavailable -> assertThat(unavailable.status()).isEqualTo(503));
        assertThat(text(answers.top(BOARD, 10))).isEqualTo("{\"read\":2}");
    }

    @Test
    void shouldReadAheadPastHalfTheMaxAgeAndAnswerWithTheHeldAnswerMeanwhile() {
        // given: reads run in the requesting thread, so that each is done when its request returns
        TopAnswers answers = new TopAnswers((board, limit) -> answer(reads.incrementAndGet()), Duration.ofMillis(100),
                Runnable::run, now::get);
        assertThat(text(answers.top(BOARD, 10))).isEqualTo("{\"read\":1}");

        // when: 60 ms on, past half the max age
        now.set(Duration.ofMillis(60).toNanos());
        String held = text(answers.top(BOARD, 10));
        String next = text(answers.top(BOARD, 10));

        // then: answered with the held answer, still fresh, while the next read ran; then with that read
        assertThat(held).isEqualTo("{\"read\":1}");
        assertThat(next).isEqualTo("{\"read\":2}");

        // when: 90 ms after the second read (fresh, past half: read ahead), then 100 ms after the third (expired)
        now.set(Duration.ofMillis(150).toNanos());
        String ahead = text(answers.top(BOARD, 10));
        now.set(Duration.ofMillis(250).toNanos());
        String expired = text(answers.top(BOARD, 10));

        // then
        assertThat(ahead).isEqualTo("{\"read\":2}");
        assertThat(expired).isEqualTo("{\"read\":4}");
        assertThat(reads).hasValue(4);
    }
}
