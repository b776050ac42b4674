package io.clearsky.gateway.semantic;

import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.core.semantic.SemanticModels;
import io.clearsky.gateway.api.ApiProblems;
import io.clearsky.gateway.api.QueryLookup;
import io.clearsky.gateway.feedback.FeedbackController.KafkaSends;
import io.clearsky.gateway.security.AccessChecks;
import io.clearsky.gateway.security.Caller;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.VerifiedQuestionPromoted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
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
 * Promotes an answer to a verified question/SQL pair of a database's semantic model by publishing a
 * {@link VerifiedQuestionPromoted} to the compacted verified-questions topic, which every worker follows.
 * Administrators only ({@code EndpointAccess}); promoting another user's answer is an audited read.
 */
@RestController
@Tag(name = "semantic", description = "The semantic models in effect (admin)")
public class VerifiedQuestionController {

    private final QueryLookup queries;

    private final AccessChecks access;

    private final KafkaSends sends;

    private final ObjectProvider<SemanticModels> models;

    private final String topic;

    public VerifiedQuestionController(QueryLookup queries, AccessChecks access, KafkaSends sends,
            ObjectProvider<SemanticModels> models, TopicProperties topics) {
        this.queries = queries;
        this.access = access;
        this.sends = sends;
        this.models = models;
        this.topic = topics.verifiedQuestions();
    }

    /**
     * What to promote.
     *
     * @param queryId the answered query whose question and SQL become the pair
     * @param question the question as it should be kept, when it should read better than asked; optional
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PromotionRequest(String queryId, String question) {
    }

    /**
     * The pair as published.
     *
     * @param database the database
     * @param question the question
     * @param sql its SQL
     * @param sourceQueryId the query it came from
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Promoted(String database, String question, String sql, String sourceQueryId) {
    }

    @PostMapping("/api/semantic/models/{database}/verified-questions")
    @Operation(summary = "Promote an answer to a verified question",
            description = "The question and SQL of a SUCCEEDED query (`query_id`) become a verified pair of the "
                    + "database's model in effect on every worker, published to the compacted topic "
                    + "clearsky.verified-questions. 202 once Kafka has it; 404 for an unknown database or query; "
                    + "409 when the query has no successful SQL. Administrators only.")
    @ApiResponse(responseCode = "202", description = "The pair is on the topic")
    @ApiResponse(responseCode = "404", description = "No such database or query; `field` says which")
    @ApiResponse(responseCode = "409", description = "The query did not succeed with SQL")
    public Mono<ResponseEntity<Promoted>> promote(@PathVariable String database,
            @RequestBody(required = false) PromotionRequest request,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        if (request == null || request.queryId() == null || request.queryId().isBlank()) {
            throw ApiProblems.field(HttpStatus.BAD_REQUEST, "query_id", "query_id is required");
        }
        SemanticModels registry = this.models.getIfAvailable();
        if (registry == null || registry.databases().stream().noneMatch(database::equalsIgnoreCase)) {
            throw ApiProblems.field(HttpStatus.NOT_FOUND, "database", "No database '" + database + "'");
        }
        String queryId = request.queryId().strip();
        return this.queries.anywhere(queryId)
                .filter((query) -> this.access.mayRead(caller, query.userId(), queryId, query.sessionId(), "promotion"))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("query_id", queryId, "query")))
                .flatMap((query) -> {
                    String sql = (query.answer() != null) ? query.answer().sql() : null;
                    if (!"SUCCEEDED".equals(query.status()) || sql == null) {
                        return Mono.error(ApiProblems.field(HttpStatus.CONFLICT, "query_id", "Query '" + queryId
                                + "' ended " + query.status() + " without SQL to verify"));
                    }
                    String question = (request.question() != null && !request.question().isBlank())
                            ? request.question().strip() : query.question();
                    if (question == null || question.isBlank()) {
                        return Mono.error(ApiProblems.field(HttpStatus.BAD_REQUEST, "question",
                                "The query came with SQL only; give the question it answers"));
                    }
                    VerifiedQuestionPromoted promoted = VerifiedQuestionPromoted.newBuilder().setDatabase(database)
                            .setQuestion(question).setSql(sql).setSourceQueryId(queryId)
                            .setPromotedBy(caller.principal()).setAt(Instant.now()).build();
                    return this.sends.send(this.topic, key(database, question),
                            AvroSerde.verifiedQuestionPromoted().serialize(this.topic, promoted))
                            .thenReturn(new Promoted(database, question, sql, queryId));
                })
                .map((promoted) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(promoted));
    }

    /** The compaction key: one pair per database and question, however it is spaced or cased. */
    static String key(String database, String question) {
        return database.toLowerCase(Locale.ROOT) + "/" + question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
