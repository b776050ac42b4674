package io.clearsky.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.schemas.avro.QuestionSubmitted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecentQuestionsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return RecentQuestionsTest.this.now.get();
        }
    };

    @Test
    void aRememberedQuestionIsFoundAndListedInItsSession() {
        RecentQuestions recent = new RecentQuestions(Duration.ofMinutes(5), 100, this.clock);
        recent.remember(question("q1", "s1"));
        recent.remember(question("q2", "s1"));
        recent.remember(question("q3", "s2"));
        recent.remember(question("q1", "s1"));

        assertThat(recent.find("q1")).isPresent();
        assertThat(recent.inSession("s1")).extracting(QuestionSubmitted::getQueryId).containsExactly("q1", "q2");
        assertThat(recent.inSession("nobody")).isEmpty();
    }

    @Test
    void questionsExpireAfterTheKeepPeriod() {
        RecentQuestions recent = new RecentQuestions(Duration.ofMinutes(5), 100, this.clock);
        recent.remember(question("old", "s1"));
        this.now.set(this.now.get().plus(Duration.ofMinutes(6)));
        recent.remember(question("new", "s1"));

        assertThat(recent.find("old")).isEmpty();
        assertThat(recent.inSession("s1")).extracting(QuestionSubmitted::getQueryId).containsExactly("new");
    }

    @Test
    void beyondTheMaximumTheOldestGoFirstAndNewOnesAreStillKept() {
        RecentQuestions recent = new RecentQuestions(Duration.ofMinutes(5), 1_000, this.clock);
        for (int i = 0; i < 100_000; i++) {
            recent.remember(question("q" + i, "s" + (i % 10)));
        }

        assertThat(recent.find("q99999")).isPresent();
        assertThat(recent.find("q0")).isEmpty();
        assertThat(recent.inSession("s9")).hasSize(100);
    }

    private QuestionSubmitted question(String id, String session) {
        return QuestionSubmitted.newBuilder().setQueryId(id).setSessionId(session).setQuestion("?")
                .setSubmittedAt(this.now.get()).build();
    }
}
