package io.clearsky.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.schemas.avro.QuestionSubmitted;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserSessionsViewTest {

    @Test
    void oversizedQuestionsPublishedOnTheTopicKeepTheSessionListSmall() {
        UserSessionsView view = UserSessionsView.empty();
        for (int i = 0; i < UserSessionsView.MAX_SESSIONS; i++) {
            view = view.with("u", QuestionSubmitted.newBuilder().setQueryId("q-" + i).setSessionId("s-" + i)
                    .setQuestion("How many orders are there? ".repeat(4_000))
                    .setSubmittedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)).build());
        }
        assertThat(view.sessions()).hasSize(UserSessionsView.MAX_SESSIONS);
        assertThat(view.sessions()).allSatisfy((summary) -> {
            assertThat(summary.firstQuestion()).hasSize(QueryView.PREVIEW_LENGTH + 1).endsWith("…");
            assertThat(summary.lastQuestion()).hasSize(QueryView.PREVIEW_LENGTH + 1);
        });
    }
}
