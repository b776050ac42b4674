package io.clearsky.gateway.feedback;

import io.clearsky.core.guard.GuardProperties;
import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.gateway.api.ApiProblems;
import io.clearsky.gateway.api.QueryLookup;
import io.clearsky.gateway.security.AccessChecks;
import io.clearsky.gateway.security.Caller;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.AnswerFeedback;
import io.clearsky.schemas.avro.FeedbackRating;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A user's verdict on an answer: thumbs up or down, with an optional comment and corrected SQL, published
 * as an {@link AnswerFeedback} to the feedback topic for whoever improves the semantic model. Only the
 * user who asked (or an administrator) may rate an answer; to anyone else the query does not exist.
 */
@RestController
@Tag(name = "feedback", description = "Verdicts on answers")
public class FeedbackController {

    /** Longest comment accepted. */
    static final int MAX_COMMENT = 4000;

    private final QueryLookup queries;

    private final AccessChecks access;

    private final KafkaSends sends;

    private final String topic;

    private final int maxSqlLength;

    public FeedbackController(QueryLookup queries, AccessChecks access, KafkaSends sends, TopicProperties topics,
            GuardProperties guard) {
        this.queries = queries;
        this.access = access;
        this.sends = sends;
        this.topic = topics.feedback();
        this.maxSqlLength = guard.maxSqlLength();
    }

    /**
     * A verdict.
     *
     * @param rating {@code up} or {@code down}
     * @param comment what was right or wrong, optional
     * @param correctedSql the SQL that would have been right, optional
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FeedbackRequest(String rating, String comment, String correctedSql) {
    }

    /**
     * The verdict as recorded.
     *
     * @param queryId the query
     * @param rating {@code UP} or {@code DOWN}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FeedbackAccepted(String queryId, String rating) {
    }

    @PostMapping("/api/chat/query/{id}/feedback")
    @Operation(summary = "Rate an answer",
            description = "Thumbs up or down (`rating`: `up` or `down`), with an optional `comment` and "
                    + "`corrected_sql`. Published to the feedback topic (clearsky.feedback) with the question and the "
                    + "SQL the answer ran. 202 once Kafka has it; 404 for an unknown query; 400 naming the field.")
    @ApiResponse(responseCode = "202", description = "The verdict is on the feedback topic")
    @ApiResponse(responseCode = "400", description = "A field is missing or invalid; `field` names it")
    @ApiResponse(responseCode = "404", description = "Unknown query id, or another user's query")
    public Mono<ResponseEntity<FeedbackAccepted>> feedback(@PathVariable("id") String queryId,
            @RequestBody(required = false) FeedbackRequest request,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        FeedbackRating rating = rating(request);
        String comment = optional(request.comment(), "comment", MAX_COMMENT);
        String corrected = optional(request.correctedSql(), "corrected_sql", this.maxSqlLength);
        return this.queries.anywhere(queryId)
                .filter((query) -> this.access.mayAct(caller, query.userId()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("query_id", queryId, "query")))
                .flatMap((query) -> {
                    AnswerFeedback feedback = AnswerFeedback.newBuilder().setQueryId(queryId)
                            .setPrincipal(caller.principal()).setRating(rating).setComment(comment)
                            .setCorrectedSql(corrected).setQuestion(query.question())
                            .setSql((query.answer() != null) ? query.answer().sql() : null).setAt(Instant.now())
                            .build();
                    return this.sends.send(this.topic, queryId, AvroSerde.answerFeedback().serialize(this.topic, feedback));
                })
                .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(new FeedbackAccepted(queryId, rating.name())));
    }

    private static FeedbackRating rating(FeedbackRequest request) {
        if (request == null || request.rating() == null || request.rating().isBlank()) {
            throw ApiProblems.field(HttpStatus.BAD_REQUEST, "rating", "rating is required: up or down");
        }
        return switch (request.rating().strip().toLowerCase(Locale.ROOT)) {
            case "up" -> FeedbackRating.UP;
            case "down" -> FeedbackRating.DOWN;
            default -> throw ApiProblems.field(HttpStatus.BAD_REQUEST, "rating",
                    "rating must be up or down (was '" + request.rating().strip() + "')");
        };
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ApiProblems.field(HttpStatus.BAD_REQUEST, field, field + " must be at most " + max + " characters");
        }
        return value.strip();
    }

    /** Sends an encoded record and completes when Kafka has acknowledged it. */
    public static final class KafkaSends {

        private final Producer<String, byte[]> producer;

        public KafkaSends(Producer<String, byte[]> producer) {
            this.producer = producer;
        }

        public Mono<Void> send(String topic, String key, byte[] value) {
            return Mono.create((sink) -> this.producer.send(new ProducerRecord<>(topic, key, value), (metadata, ex) -> {
                        if (ex != null) {
                            sink.error(ex);
                        }
                        else {
                            sink.success();
                        }
                    }));
        }
    }
}
