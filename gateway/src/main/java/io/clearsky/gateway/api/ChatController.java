package io.clearsky.gateway.api;

import io.clearsky.core.guard.GuardProperties;
import io.clearsky.gateway.GatewayProperties;
import io.clearsky.gateway.intake.QuestionPublisher;
import io.clearsky.gateway.security.AccessChecks;
import io.clearsky.gateway.security.Caller;
import io.clearsky.gateway.security.CallerAuthentication;
import io.clearsky.gateway.security.GatewayAudit;
import io.clearsky.gateway.security.QuestionLimits;
import io.clearsky.gateway.store.QueryView;
import io.clearsky.gateway.store.SessionView;
import io.clearsky.gateway.store.StatusTopology;
import io.clearsky.gateway.store.StoreReader;
import io.clearsky.gateway.store.UpdateNotifier;
import io.clearsky.gateway.store.UserSessionsView;
import io.clearsky.schemas.avro.QueryOptions;
import io.clearsky.schemas.avro.QueryCancelRequested;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asking questions and following them. Reads come from this instance's stores; requests for keys
 * another instance owns were already forwarded there by {@link OwnerForwardingFilter}.
 * <p>
 * Every request has a verified {@link Caller}. A caller sees and cancels only their own queries and
 * sessions (administrators may read any, audited); another user's are answered 404 like unknown ids.
 */
@RestController
@RequestMapping("/api/chat")
@Tag(name = "chat", description = "Ask questions and follow their progress")
@ApiResponse(responseCode = "400", description = "Invalid request; `field` names the offending field",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "Kafka or the state stores are not available; retry shortly",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class ChatController {

    /** Header naming the asking user in {@code local} mode only; every other mode ignores it. */
    public static final String USER_HEADER = CallerAuthentication.USER_HEADER;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    private final QuestionPublisher publisher;

    private final StoreReader reader;

    private final UpdateNotifier notifier;

    private final QueryLookup lookup;

    private final RecentQuestions recent;

    private final GatewayProperties properties;

    private final GuardProperties guardProperties;

    private final AccessChecks access;

    private final QuestionLimits limits;

    private final GatewayAudit audit;

    ChatController(QuestionPublisher publisher, StoreReader reader, UpdateNotifier notifier, QueryLookup lookup,
            RecentQuestions recent, GatewayProperties properties, GuardProperties guardProperties,
            AccessChecks access, QuestionLimits limits, GatewayAudit audit) {
        this.publisher = publisher;
        this.reader = reader;
        this.notifier = notifier;
        this.lookup = lookup;
        this.recent = recent;
        this.properties = properties;
        this.guardProperties = guardProperties;
        this.access = access;
        this.limits = limits;
        this.audit = audit;
    }

    @PostMapping(path = "/query", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask a question, or run SQL",
            description = "Queues the question and returns at once with its query id. With `sql`, generation is skipped: the SQL is guarded and executed like generated SQL.")
    @ApiResponse(responseCode = "202", description = "Queued; the Location header points at its updates")
    @ApiResponse(responseCode = "403", description = "`sql` was given by a caller without the analyst role",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "`session_id` names no session of the caller",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "The question or SQL is longer than the limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<ResponseEntity<QueryAccepted>> ask(@RequestBody QueryRequest request,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        QuestionSubmitted question = toQuestion(request, caller);
        if (question.getSql() != null) {
            this.access.requireMayRunSql(caller);
        }
        Mono<Void> sessionCheck = (request.sessionId() == null) ? Mono.empty()
                : this.lookup.sessionOwner(request.sessionId())
                        .filter(caller::owns)
                        .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("session_id", request.sessionId(), "session")))
                        .then();
        return sessionCheck.then(Mono.defer(() -> {
            QuestionLimits.Reservation reservation = this.limits.reserve(caller, question.getQueryId());
            return this.publisher.publish(question).doOnError((ex) -> reservation.release());
        })).then(Mono.fromCallable(() -> {
            this.recent.remember(question);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/chat/updates?query_id=" + question.getQueryId()))
                    .body(new QueryAccepted(question.getQueryId(), question.getSessionId(), "QUEUED"));
        }));
    }

    @DeleteMapping("/query/{queryId}")
    @Operation(summary = "Cancel a query",
            description = "Asks the workers to stop the query. The worker running it stops its engine query (Athena's StopQueryExecution) and ends it CANCELLED; a question still waiting ends CANCELLED without running. Follow it with `GET /api/chat/updates`.")
    @ApiResponse(responseCode = "202", description = "The cancel request is on its way; the query will end CANCELLED")
    @ApiResponse(responseCode = "404", description = "Unknown query id, or another user's query",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The query has already ended; `query_status` says how",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<ResponseEntity<QueryAccepted>> cancel(@PathVariable String queryId,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        requireId("query_id", queryId);
        return this.lookup.anywhere(queryId).subscribeOn(Schedulers.boundedElastic())
                .filter((query) -> this.access.mayAct(caller, query.userId()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("query_id", queryId, "query")))
                .flatMap((query) -> {
                    if (query.done()) {
                        return Mono.error(ApiProblems.alreadyEnded(queryId, query.status()));
                    }
                    QueryCancelRequested request = QueryCancelRequested.newBuilder().setQueryId(queryId)
                            .setRequestedAt(Instant.now()).setRequestedBy(caller.user()).build();
                    return this.publisher.requestCancel(request)
                            .doOnSuccess((sent) -> this.audit.cancel(caller, queryId, query.sessionId()))
                            .thenReturn(ResponseEntity.accepted()
                            .location(URI.create("/api/chat/updates?query_id=" + queryId))
                            .body(new QueryAccepted(queryId, query.sessionId(), "CANCELLING")));
                });
    }

    @GetMapping(path = "/updates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A query's status, events and answer",
            description = "With `wait`, holds the request until something newer than `since` exists or the wait ends.")
    @ApiResponse(responseCode = "200", description = "The query's state")
    @ApiResponse(responseCode = "404", description = "Unknown query id, or another user's query",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<QueryUpdates> updates(@RequestParam(name = "query_id") String queryId,
            @Parameter(description = "Only events with a greater seq") @RequestParam(defaultValue = "-1") long since,
            @Parameter(description = "Seconds to wait for something newer") @RequestParam(defaultValue = "0") double wait,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        requireId("query_id", queryId);
        if (wait < 0) {
            throw ApiProblems.field(HttpStatus.BAD_REQUEST, "wait", "wait must be zero or more seconds");
        }
        Duration waitFor = Duration.ofMillis((long) (Math.min(wait, this.properties.maxWait().toSeconds()) * 1000));
        Mono<QueryView> current = currentView(queryId);
        Mono<QueryView> result = waitFor.isZero() ? current
                : Flux.merge(this.notifier.updates(queryId), current)
                        .filter((view) -> view.seq() > since || view.done())
                        .next()
                        .timeout(waitFor, current);
        return result.filter((view) -> mayRead(caller, view))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("query_id", queryId, "query")))
                .map((view) -> QueryUpdates.of(view, since));
    }

    @GetMapping(path = "/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Stream a query's events (SSE)",
            description = "Sends each `status` event (id = seq), then one `answer` event, then closes.")
    public Flux<ServerSentEvent<Object>> stream(@RequestParam(name = "query_id") String queryId,
            @RequestParam(defaultValue = "-1") long since, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        requireId("query_id", queryId);
        AtomicLong last = new AtomicLong(since);
        Flux<ServerSentEvent<Object>> events = currentView(queryId)
                .filter((view) -> mayRead(caller, view))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("query_id", queryId, "query")))
                .flatMapMany((current) -> Flux.merge(this.notifier.updates(queryId), Mono.just(current)))
                .concatMapIterable((view) -> toServerSentEvents(view, last))
                .takeUntil(ChatController::isAnswer);
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(this.properties.heartbeat())
                .map((tick) -> ServerSentEvent.builder().comment("keep-alive").build());
        return Flux.merge(events, heartbeats).takeUntil(ChatController::isAnswer).take(this.properties.streamTimeout());
    }

    @GetMapping("/history")
    @Operation(summary = "A session's questions, or the caller's recent sessions",
            description = "With `session_id`: that session's questions with status and answers. Without: the caller's own recent sessions.")
    public Mono<Object> history(@RequestParam(name = "session_id", required = false) String sessionId,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        if (sessionId != null) {
            return session(sessionId, caller).cast(Object.class);
        }
        String user = caller.user();
        return offEventLoop(() -> {
            UserSessionsView view = this.reader.get(StatusTopology.USER_SESSIONS, user);
            return (view != null) ? view : new UserSessionsView(user, List.of());
        });
    }

    @GetMapping("/session/{sessionId}")
    @Operation(summary = "A session's questions in order, with status and answers")
    @ApiResponse(responseCode = "404", description = "Unknown session id, or another user's session",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<SessionHistory> session(@PathVariable String sessionId,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        requireId("session_id", sessionId);
        return offEventLoop(() -> withRecent(this.reader.get(StatusTopology.SESSION_HISTORY, sessionId), sessionId))
                .filter((view) -> this.access.mayRead(caller, view.userId(), null, sessionId, "session"))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("session_id", sessionId, "session")))
                .flatMap((view) -> Flux.fromIterable(view.queries())
                        .concatMap((entry) -> this.lookup.anywhere(entry.queryId())
                                .map((state) -> new SessionHistory.Item(entry.queryId(), entry.question(),
                                        entry.submittedAt(), state.status(), state.done(), state.answer()))
                                .defaultIfEmpty(new SessionHistory.Item(entry.queryId(), entry.question(),
                                        entry.submittedAt(), "QUEUED", false, null)))
                        .collectList()
                        .map((items) -> new SessionHistory(view.sessionId(), view.userId(), view.createdAt(),
                                view.updatedAt(), items)));
    }

    private static void requireLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiProblems.field(HttpStatus.CONTENT_TOO_LARGE, field, field + " must be at most " + max
                    + " characters, was " + value.length());
        }
    }

    /** The stored session completed with questions accepted here that the store has not seen yet. */
    private SessionView withRecent(SessionView stored, String sessionId) {
        SessionView view = stored;
        for (QuestionSubmitted question : this.recent.inSession(sessionId)) {
            view = ((view != null) ? view : SessionView.empty()).with(sessionId, question);
        }
        return view;
    }

    private boolean mayRead(Caller caller, QueryView view) {
        return this.access.mayRead(caller, view.userId(), view.queryId(), view.sessionId(), "query");
    }

    private QuestionSubmitted toQuestion(QueryRequest request, Caller caller) {
        boolean hasQuestion = request.question() != null && !request.question().isBlank();
        boolean hasSql = request.sql() != null && !request.sql().isBlank();
        if (!hasQuestion && !hasSql) {
            throw ApiProblems.field(HttpStatus.BAD_REQUEST, "question", "question must not be empty unless sql is given");
        }
        requireLength("question", request.question(), this.properties.maxQuestionLength());
        requireLength("sql", request.sql(), this.guardProperties.maxSqlLength());
        requireIdIfPresent("session_id", request.sessionId());
        QueryOptions options = null;
        if (request.options() != null) {
            Integer maxRows = request.options().maxRows();
            if (maxRows != null && (maxRows < 1 || maxRows > this.properties.maxRows())) {
                throw ApiProblems.field(HttpStatus.BAD_REQUEST, "options.max_rows",
                        "options.max_rows must be between 1 and " + this.properties.maxRows());
            }
            String database = request.options().database();
            requireIdIfPresent("options.database", database);
            options = new QueryOptions(maxRows, database);
        }
        return QuestionSubmitted.newBuilder()
                .setQueryId(UUID.randomUUID().toString())
                .setSessionId((request.sessionId() != null) ? request.sessionId() : UUID.randomUUID().toString())
                .setUserId(caller.user())
                .setPrincipal(caller.principal())
                .setQuestion(hasQuestion ? request.question().strip() : "")
                .setSql(hasSql ? request.sql().strip() : null)
                .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setOptions(options)
                .setSource("gateway")
                .build();
    }

    private static void requireIdIfPresent(String field, String value) {
        if (value != null) {
            requireId(field, value);
        }
    }

    private static void requireId(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ApiProblems.field(HttpStatus.BAD_REQUEST, field, field + " must be 1-128 letters, digits or . _ : -");
        }
    }

    private static List<ServerSentEvent<Object>> toServerSentEvents(QueryView view, AtomicLong last) {
        List<ServerSentEvent<Object>> out = new ArrayList<>();
        for (var event : view.eventsAfter(last.get())) {
            out.add(ServerSentEvent.<Object>builder(event).event("status").id(Long.toString(event.seq())).build());
            last.accumulateAndGet(event.seq(), Math::max);
        }
        if (view.done()) {
            out.add(ServerSentEvent.<Object>builder(QueryUpdates.of(view, Long.MAX_VALUE)).event("answer").build());
        }
        return out;
    }

    private static boolean isAnswer(ServerSentEvent<Object> event) {
        return "answer".equals(event.event());
    }

    /** The query's view in this instance's store, or empty. */
    private Mono<QueryView> currentView(String queryId) {
        return offEventLoop(() -> this.lookup.local(queryId).orElse(null));
    }

    /**
     * A store read. Interactive queries retry with a pause while the stores rebalance, so reads run off
     * the event loop and the timer threads that end long-polls.
     */
    private static <T> Mono<T> offEventLoop(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
    }
}
