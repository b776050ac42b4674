package io.clearsky.worker.pipeline;

import io.clearsky.core.audit.AuditTrail;
import io.clearsky.core.chart.ChartAdvice;
import io.clearsky.core.chart.ChartRequest;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.guard.GuardVerdict;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.core.semantic.SemanticModels;
import io.clearsky.schemas.avro.AuditAction;
import io.clearsky.schemas.avro.ChartSuggestion;
import io.clearsky.schemas.avro.GenerationDetails;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryError;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.schemas.avro.Stage;
import io.clearsky.worker.config.WorkerProperties;
import io.clearsky.worker.control.Cancellations;
import io.clearsky.worker.execution.EngineException;
import io.clearsky.worker.execution.EngineQuery;
import io.clearsky.worker.execution.EngineResult;
import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.GenerationException;
import io.clearsky.worker.generation.GenerationRequest;
import io.clearsky.worker.generation.GenerationRequest.Correction;
import io.clearsky.worker.generation.ModelUsage;
import io.clearsky.worker.generation.SqlGenerator;
import io.clearsky.worker.retrieval.SchemaContext;
import io.clearsky.worker.security.Asker;
import io.clearsky.worker.security.Askers;
import io.clearsky.worker.session.SessionMemory;
import io.clearsky.worker.watchdog.StageWatchdog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Answers one question: retrieval → generation → guard → execution → results (rows and a chart), with a status event
 * before each step and exactly one terminal outcome. A generator that can correct itself sees a guard
 * rejection or a correctable engine error and tries again, up to the configured attempts, each attempt
 * visible as events. A deadline ends a query that takes too long as
 * TIMED_OUT and stops its running work, and so does the stage watchdog when a stage makes no progress in
 * time (the answer names that stage); a cancel request ends it CANCELLED the same way. The generator sees
 * the semantic model in effect for the database; when it declines the query ends DECLINED with its reason,
 * and when it asks which reading is meant the query ends NEEDS_CLARIFICATION with the question and choices.
 *
 * <p>Every step reads only what the question's principal may read: retrieval hands the generator only
 * readable tables and columns, the guard refuses SQL (generated or given) naming anything else, and a
 * principal that may not read the question's database at all is refused before any work. Each query
 * writes one audit record when it ends.
 */
public class QueryPipeline {

    /** The generator named in answers to SQL that came with the question. */
    public static final String GIVEN_SQL = "given-sql";

    private static final Logger logger = LoggerFactory.getLogger(QueryPipeline.class);

    /** Log context keys: every line logged while a query runs carries them (JSON_LOGS=true shows them). */
    static final String QUERY_ID = "query_id";

    static final String SESSION_ID = "session_id";

    private final Stages stages;

    private final Cancellations cancellations;

    private final SessionMemory sessions;

    private final OutcomePublisher publisher;

    private final WorkerProperties properties;

    private final int maxAttempts;

    private final LiveConfig config;

    private final PipelineMetrics metrics;

    private final String defaultDatabase;

    private final ScheduledExecutorService deadlines;

    private final Askers askers;

    private final AuditTrail audit;

    private final SemanticModels models;

    private final StageWatchdog watchdog;

    /**
     * @param models the semantic models in effect, handed to the generator per question; null for none
     * @param watchdog ends a run that makes no progress within its stage's deadline
     */
    public QueryPipeline(Stages stages, Cancellations cancellations, SessionMemory sessions, OutcomePublisher publisher,
            WorkerProperties properties, int maxAttempts, LiveConfig config, PipelineMetrics metrics,
            String defaultDatabase, ScheduledExecutorService deadlines, Askers askers, AuditTrail audit,
            SemanticModels models, StageWatchdog watchdog) {
        this.models = models;
        this.watchdog = watchdog;
        this.stages = stages;
        this.cancellations = cancellations;
        this.sessions = sessions;
        this.publisher = publisher;
        this.properties = properties;
        this.maxAttempts = maxAttempts;
        this.config = config;
        this.metrics = metrics;
        this.defaultDatabase = defaultDatabase;
        this.deadlines = deadlines;
        this.askers = askers;
        this.audit = audit;
    }

    /**
     * Runs the question to a terminal state on the calling thread.
     *
     * @param firstSeq sequence number of the first event this run emits
     * @return the finished run
     */
    public QueryRun run(QuestionSubmitted question, long firstSeq) {
        MDC.put(QUERY_ID, question.getQueryId());
        MDC.put(SESSION_ID, question.getSessionId());
        Asker asker = this.askers.of(question);
        QueryRun run = new QueryRun(question.getQueryId(), question.getSessionId(), question.getQuestion(), firstSeq,
                this.publisher, audit(asker, question));
        Thread runner = Thread.currentThread();
        ScheduledFuture<?> deadline = this.deadlines.schedule(() -> expire(run, runner),
                this.properties.queryDeadline().toMillis(), TimeUnit.MILLISECONDS);
        try (StageWatchdog.Watch watch = this.watchdog.watch((stage, silentFor) -> stop(run, runner,
                QueryStatus.TIMED_OUT, stage, error("STAGE_TIMEOUT", "No progress in stage " + stage + " for "
                        + readable(silentFor) + "; the query was stopped", true)));
                Cancellations.Registration cancellable = this.cancellations.track(run.queryId(), () -> stop(run, runner,
                        QueryStatus.CANCELLED, Stage.UNKNOWN, error("CANCELLED", "The query was cancelled on request", false)))) {
            run.onProgress(watch::progressed);
            if (!run.ended()) {
                answer(run, question, asker);
            }
        }
        catch (Exception ex) {
            if (!run.ended()) {
                logger.error("Query {} failed unexpectedly", run.queryId(), ex);
            }
            run.end(QueryStatus.FAILED, Stage.UNKNOWN, "Internal error",
                    error("INTERNAL_ERROR", "Internal error while answering; reference " + run.queryId(), true),
                    QueryAnswer.newBuilder());
        }
        finally {
            deadline.cancel(false);
            Thread.interrupted();
            MDC.remove(QUERY_ID);
            MDC.remove(SESSION_ID);
        }
        return run;
    }

    /**
     * Ends a query that cannot be run at all (e.g. invalid input) as FAILED, with its own events.
     *
     * @param decoded the question as read from the record, or null when it could not be read
     */
    public QueryRun reject(String queryId, QuestionSubmitted decoded, long firstSeq, QueryError error) {
        QueryAudit audit = (decoded != null) ? audit(this.askers.of(decoded), decoded)
                : new QueryAudit(this.audit, Askers.anonymous(), AuditAction.QUESTION, null);
        QueryRun run = new QueryRun(queryId, (decoded != null) ? decoded.getSessionId() : null,
                (decoded != null) ? decoded.getQuestion() : null, firstSeq, this.publisher, audit);
        run.end(QueryStatus.FAILED, Stage.INTAKE, error.getMessage(), error, QueryAnswer.newBuilder());
        return run;
    }

    /**
     * Ends a query whose answer an earlier run published before its worker stopped, with only the
     * terminal event it lacks: answering again would hand consumers a second answer.
     */
    public QueryRun finishAnswered(QuestionSubmitted question, long firstSeq, QueryStatus answered) {
        QueryRun run = new QueryRun(question.getQueryId(), question.getSessionId(), question.getQuestion(), firstSeq,
                this.publisher, audit(this.askers.of(question), question));
        run.endAnswered(answered);
        return run;
    }

    private QueryAudit audit(Asker asker, QuestionSubmitted question) {
        return new QueryAudit(this.audit, asker.principal(), hasSql(question) ? AuditAction.EDITED_SQL : AuditAction.QUESTION,
                question.getSource());
    }

    private static boolean hasSql(QuestionSubmitted question) {
        return question.getSql() != null && !question.getSql().isBlank();
    }

    private void answer(QueryRun run, QuestionSubmitted question, Asker asker) throws Exception {
        Ask ask = ask(question);
        String database = ask.database();
        Attempt given = hasSql(question) ? new Attempt(1, GIVEN_SQL,
                new Generation.Sql(question.getSql(), "The SQL given with the question, run as given"), null) : null;
        Optional<GuardVerdict.Rejected> refusal = asker.refusal(database);
        if (refusal.isPresent()) {
            run.progress(QueryStatus.VALIDATING, Stage.GUARD, "Checking the asker may read database " + database);
            rejected(run, (given != null) ? given.answer().setSql(given.sql()) : QueryAnswer.newBuilder(), refusal.get());
            return;
        }
        if (given != null) {
            GuardVerdict verdict = guard(run, given, database, asker);
            if (verdict instanceof GuardVerdict.Rejected rejected) {
                rejected(run, given.answer().setSql(given.sql()), rejected);
                return;
            }
            String sql = ((GuardVerdict.Accepted) verdict).sql();
            try {
                succeed(run, ask, given, sql, execute(run, given, sql, ask));
            }
            catch (EngineException ex) {
                engineFailed(run, ex, given);
            }
            return;
        }

        run.progress(QueryStatus.RETRIEVING, Stage.RETRIEVAL, "Finding the relevant tables");
        SchemaContext schema = timed(run, Stage.RETRIEVAL,
                () -> this.stages.retriever().retrieve(question.getQuestion(), database, asker.access()));
        GenerationRequest request = new GenerationRequest(question.getQuestion(), schema, ask.maxRows(),
                this.stages.engine().name(), readableTurns(question.getSessionId(), database, asker), List.of())
                .withModel(model(database, asker));
        SqlGenerator generator = this.stages.generator();
        ModelUsage usage = ModelUsage.NONE;
        for (int number = 1;; number++) {
            run.progress(QueryStatus.GENERATING, Stage.GENERATION, (number == 1)
                    ? "Writing SQL over " + schema.tables().size() + " tables"
                    : "Attempt " + number + ": correcting the SQL after: " + request.corrections().getLast().error());
            GenerationRequest asked = request;
            Generation generation;
            try {
                generation = timed(run, Stage.GENERATION, () -> generator.generate(asked,
                        (text) -> run.progress(QueryStatus.GENERATING, Stage.GENERATION, text)));
            }
            catch (GenerationException ex) {
                run.end(QueryStatus.FAILED, Stage.GENERATION, ex.getMessage(), error(ex.code(), ex.getMessage(),
                        ex.retryable()), QueryAnswer.newBuilder().setGenerator(generator.name())
                                .setGeneration(details(number, usage, null, null, List.of())));
                return;
            }
            usage = usage.plus(generation.usage());
            this.metrics.modelCalled(generator.name(), generation.usage());
            if (generation instanceof Generation.CannotAnswer cannot) {
                run.end(QueryStatus.DECLINED, Stage.GENERATION, "The question cannot be answered with certainty", null,
                        QueryAnswer.newBuilder().setExplanation(cannot.reason()).setGenerator(generator.name())
                                .setGeneration(details(number, usage, null, cannot.clarifyingQuestion(), List.of())));
                return;
            }
            if (generation instanceof Generation.Clarification clarification) {
                run.end(QueryStatus.NEEDS_CLARIFICATION, Stage.GENERATION, clarification.clarifyingQuestion(), null,
                        QueryAnswer.newBuilder().setExplanation(clarification.reason()).setGenerator(generator.name())
                                .setGeneration(details(number, usage, null, clarification.clarifyingQuestion(),
                                        clarification.choices())));
                return;
            }
            Attempt attempt = new Attempt(number, generator.name(), (Generation.Sql) generation, usage);
            boolean mayCorrect = generator.corrects() && number < this.maxAttempts;
            GuardVerdict verdict = guard(run, attempt, database, asker);
            if (verdict instanceof GuardVerdict.Rejected rejected) {
                if (!mayCorrect) {
                    rejected(run, attempt.answer().setSql(attempt.sql()), rejected);
                    return;
                }
                this.metrics.corrected(generator.name(), "guard");
                request = request.correctedAfter(new Correction(attempt.sql(), "The guard rejected it: " + rejected.message()));
                continue;
            }
            String sql = ((GuardVerdict.Accepted) verdict).sql();
            try {
                succeed(run, ask, attempt, sql, execute(run, attempt, sql, ask));
                return;
            }
            catch (EngineException ex) {
                if (!mayCorrect || !ex.correctable()) {
                    engineFailed(run, ex, attempt);
                    return;
                }
                this.metrics.corrected(generator.name(), "engine");
                request = request.correctedAfter(new Correction(sql, "The engine failed it: " + ex.getMessage()));
            }
        }
    }

    private GuardVerdict guard(QueryRun run, Attempt attempt, String database, Asker asker) throws Exception {
        run.progress(QueryStatus.VALIDATING, Stage.GUARD, "Checking the SQL is a safe read-only query");
        GuardVerdict verdict = timed(run, Stage.GUARD,
                () -> this.stages.guard().check(attempt.sql(), database, asker.access()));
        run.reads((verdict instanceof GuardVerdict.Accepted accepted) ? accepted.tables() : Set.of());
        return verdict;
    }

    /**
     * The session's earlier turns the asker could have run itself: a session shared by several principals
     * (a chat channel) must not show one of them SQL over what it may not read.
     */
    private List<GenerationRequest.Turn> readableTurns(String sessionId, String database, Asker asker) {
        List<GenerationRequest.Turn> turns = this.sessions.turns(sessionId);
        if (asker.access().isUnrestricted()) {
            return turns;
        }
        return turns.stream().filter((turn) -> turn.sql() == null
                || this.stages.guard().check(turn.sql(), database, asker.access()) instanceof GuardVerdict.Accepted).toList();
    }

    private EngineResult execute(QueryRun run, Attempt attempt, String sql, Ask ask) throws Exception {
        run.progress(QueryStatus.EXECUTING, Stage.EXECUTION, "Running the query");
        int fullResultAbove = Math.min(ask.maxRows(), ask.features().largeResultThreshold());
        return timed(run, Stage.EXECUTION, () -> this.stages.engine().execute(
                new EngineQuery(run.queryId(), attempt.number(), sql, ask.database(), ask.maxRows(), fullResultAbove),
                run::onCancel));
    }

    private void succeed(QueryRun run, Ask ask, Attempt attempt, String sql, EngineResult result) throws Exception {
        ChatbotConfig.Features features = ask.features();
        QueryAnswer.Builder answer = timed(run, Stage.RESULTS, () -> attempt.answer()
                .setSql(sql)
                .setChart(chart(this.stages.charts().advise(new ChartRequest(result.columns(), result.rows(),
                        ask.question(), attempt.generated().chartHint(), features.enableAdvancedCharts()))))
                .setExplanation(features.enableSqlExplanation() ? attempt.generated().explanation() : null)
                .setColumns(result.columns())
                .setRows(result.rows())
                .setRowCount(result.rowCount())
                .setTruncated(result.truncated())
                .setResultLocation((result.fullResult() != null)
                        ? this.stages.results().place(run.queryId(), result.fullResult()) : null)
                .setStatistics(result.statistics()));
        run.end(QueryStatus.SUCCEEDED, Stage.RESULTS, result.rowCount() + " rows", null, answer);
    }

    private static void rejected(QueryRun run, QueryAnswer.Builder answer, GuardVerdict.Rejected rejected) {
        run.end(QueryStatus.REJECTED, Stage.GUARD, (answer.hasSql() ? "The SQL was rejected: " : "The question was refused: ")
                + rejected.message(),
                error("GUARD_" + rejected.code(), rejected.message(), false), answer);
    }

    private static ChartSuggestion chart(ChartAdvice advice) {
        return ChartSuggestion.newBuilder().setType(advice.type()).setReason(advice.reason())
                .setAlternatives(advice.alternatives()).setChartJsConfig(advice.chartJsConfig())
                .setQuickChartUrl(advice.quickChartUrl()).build();
    }

    /**
     * One SQL attempt: its number, who wrote it and what the model said with it.
     *
     * @param usage model cost of all attempts so far; null when no generator wrote the SQL
     */
    private record Attempt(int number, String generator, Generation.Sql generated, ModelUsage usage) {

        String sql() {
            return this.generated.sql();
        }

        /** An answer that says who wrote the SQL and how. */
        QueryAnswer.Builder answer() {
            return QueryAnswer.newBuilder().setGenerator(this.generator).setGeneration((this.usage != null)
                    ? details(this.number, this.usage, this.generated, null, List.of()) : null);
        }
    }

    private static GenerationDetails details(int attempts, ModelUsage usage, Generation.Sql generated,
            String clarifyingQuestion, List<String> choices) {
        GenerationDetails.Builder details = GenerationDetails.newBuilder().setAttempts(attempts)
                .setModelCalls(usage.calls()).setInputTokens(usage.inputTokens()).setOutputTokens(usage.outputTokens())
                .setModelLatencyMs(usage.latencyMs()).setClarifyingQuestion(clarifyingQuestion)
                .setChoices(List.copyOf(choices));
        if (generated != null) {
            details.setTablesUsed(generated.tablesUsed()).setAssumptions(generated.assumptions())
                    .setConfidence(generated.confidence());
        }
        return details.build();
    }

    /**
     * What one question runs with.
     *
     * @param question the question text
     * @param database the database it is asked against
     * @param maxRows rows its answer shows: the request's, at most the configured default
     * @param features the switches and limits of the configuration revision in force when it started
     */
    private record Ask(String question, String database, int maxRows, ChatbotConfig.Features features) {
    }

    /** The semantic model in effect for the database, null when there are no models. */
    private SemanticModel model(String database, Asker asker) {
        return (this.models != null) ? this.models.readableBy(database, asker.access()) : null;
    }

    /** Reads the configuration once per question, so a reload never changes a query halfway. */
    private Ask ask(QuestionSubmitted question) {
        ChatbotConfig.Features features = this.config.get().chatbot().features();
        String database = (question.getOptions() != null && question.getOptions().getDatabase() != null)
                ? question.getOptions().getDatabase() : this.defaultDatabase;
        Integer requested = (question.getOptions() != null) ? question.getOptions().getMaxRows() : null;
        int maxRows = (requested != null) ? Math.min(requested, features.defaultMaxRows()) : features.defaultMaxRows();
        return new Ask(question.getQuestion(), database, maxRows, features);
    }

    /** The engine's failure as the query's end: its own timeout and cancellation keep their meaning. */
    private static void engineFailed(QueryRun run, EngineException ex, Attempt attempt) {
        QueryAnswer.Builder answer = attempt.answer().setSql(attempt.sql());
        switch (ex.kind()) {
            case TIMED_OUT -> run.end(QueryStatus.TIMED_OUT, Stage.EXECUTION, ex.getMessage(),
                    error("QUERY_TIMEOUT", ex.getMessage(), true), answer);
            case CANCELLED -> run.end(QueryStatus.CANCELLED, Stage.EXECUTION, ex.getMessage(),
                    error("CANCELLED", ex.getMessage(), false), answer);
            default -> run.end(QueryStatus.FAILED, Stage.EXECUTION, "The query engine could not run the SQL",
                    error("ENGINE_" + ex.kind().name(), ex.getMessage(), ex.retryable()), answer);
        }
    }

    private void expire(QueryRun run, Thread runner) {
        long seconds = this.properties.queryDeadline().toSeconds();
        stop(run, runner, QueryStatus.TIMED_OUT, Stage.UNKNOWN,
                error("DEADLINE_EXCEEDED", "The query took longer than its deadline of " + seconds + " s", true));
    }

    /** Ends the query from outside its thread, then stops whatever it is waiting for. */
    private static void stop(QueryRun run, Thread runner, QueryStatus status, Stage stage, QueryError error) {
        if (run.end(status, stage, error.getMessage(), error, QueryAnswer.newBuilder())) {
            run.cancelRunningWork();
            runner.interrupt();
        }
    }

    /** {@code 2m}, {@code 30s}, {@code 0.5s}. */
    private static String readable(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }

    private static <T> T timed(QueryRun run, Stage stage, Callable<T> work) throws Exception {
        long start = System.nanoTime();
        try {
            return work.call();
        }
        finally {
            run.recordTiming(stage, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    static QueryError error(String code, String message, boolean retryable) {
        return QueryError.newBuilder().setCode(code).setMessage(message).setRetryable(retryable).build();
    }
}
