package io.clearsky.worker.pipeline;

import io.clearsky.core.chart.ChartAdvice;
import io.clearsky.core.chart.ChartAdvisor;
import io.clearsky.core.chart.ChartRequest;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.guard.GuardVerdict;
import io.clearsky.core.guard.SqlGuard;
import io.clearsky.schemas.avro.ChartSuggestion;
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
import io.clearsky.worker.execution.QueryEngine;
import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.GenerationRequest;
import io.clearsky.worker.generation.SqlGenerator;
import io.clearsky.worker.retrieval.SchemaContext;
import io.clearsky.worker.results.ResultStore;
import io.clearsky.worker.retrieval.SchemaRetriever;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Answers one question: retrieval → generation → guard → execution → results (rows and a chart), with a status event
 * before each step and exactly one terminal outcome. A deadline ends a query that takes too long as
 * TIMED_OUT and stops its running work; a cancel request ends it CANCELLED the same way.
 */
public class QueryPipeline {

    /** The generator named in answers to SQL that came with the question. */
    public static final String GIVEN_SQL = "given-sql";

    private static final Logger logger = LoggerFactory.getLogger(QueryPipeline.class);

    /** Log context keys: every line logged while a query runs carries them (JSON_LOGS=true shows them). */
    static final String QUERY_ID = "query_id";

    static final String SESSION_ID = "session_id";

    private final SchemaRetriever retriever;

    private final SqlGenerator generator;

    private final SqlGuard guard;

    private final QueryEngine engine;

    private final ChartAdvisor charts;

    private final ResultStore results;

    private final Cancellations cancellations;

    private final OutcomePublisher publisher;

    private final WorkerProperties properties;

    private final LiveConfig config;

    private final String defaultDatabase;

    private final ScheduledExecutorService deadlines;

    public QueryPipeline(SchemaRetriever retriever, SqlGenerator generator, SqlGuard guard, QueryEngine engine,
            ChartAdvisor charts, ResultStore results, Cancellations cancellations, OutcomePublisher publisher,
            WorkerProperties properties, LiveConfig config, String defaultDatabase, ScheduledExecutorService deadlines) {
        this.retriever = retriever;
        this.generator = generator;
        this.guard = guard;
        this.engine = engine;
        this.charts = charts;
        this.results = results;
        this.cancellations = cancellations;
        this.publisher = publisher;
        this.properties = properties;
        this.config = config;
        this.defaultDatabase = defaultDatabase;
        this.deadlines = deadlines;
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
        QueryRun run = new QueryRun(question.getQueryId(), question.getSessionId(), question.getQuestion(), firstSeq,
                this.publisher);
        Thread runner = Thread.currentThread();
        ScheduledFuture<?> deadline = this.deadlines.schedule(() -> expire(run, runner),
                this.properties.queryDeadline().toMillis(), TimeUnit.MILLISECONDS);
        try (Cancellations.Registration cancellable = this.cancellations.track(run.queryId(), () -> stop(run, runner,
                QueryStatus.CANCELLED, error("CANCELLED", "The query was cancelled on request", false)))) {
            if (!run.ended()) {
                answer(run, question);
            }
        }
        catch (EngineException ex) {
            engineFailed(run, ex);
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

    /** Ends a query that cannot be run at all (e.g. invalid input) as FAILED, with its own events. */
    public QueryRun reject(String queryId, String sessionId, String question, long firstSeq, QueryError error) {
        QueryRun run = new QueryRun(queryId, sessionId, question, firstSeq, this.publisher);
        run.end(QueryStatus.FAILED, Stage.INTAKE, error.getMessage(), error, QueryAnswer.newBuilder());
        return run;
    }

    private void answer(QueryRun run, QuestionSubmitted question) throws Exception {
        String database = (question.getOptions() != null && question.getOptions().getDatabase() != null)
                ? question.getOptions().getDatabase() : this.defaultDatabase;
        int maxRows = maxRows(question);

        Authored authored = author(run, question, database, maxRows);
        if (authored == null) {
            return;
        }
        String generator = authored.generator();
        Generation.Sql generated = authored.sql();

        run.progress(QueryStatus.VALIDATING, Stage.GUARD, "Checking the SQL is a safe read-only query");
        GuardVerdict verdict = timed(run, Stage.GUARD, () -> this.guard.check(generated.sql(), database));
        if (verdict instanceof GuardVerdict.Rejected rejected) {
            run.end(QueryStatus.REJECTED, Stage.GUARD, "The SQL was rejected: " + rejected.message(),
                    error("GUARD_" + rejected.code(), rejected.message(), false),
                    QueryAnswer.newBuilder().setSql(generated.sql()).setGenerator(generator));
            return;
        }
        String sql = ((GuardVerdict.Accepted) verdict).sql();

        run.progress(QueryStatus.EXECUTING, Stage.EXECUTION, "Running the query");
        EngineResult result = timed(run, Stage.EXECUTION,
                () -> this.engine.execute(new EngineQuery(run.queryId(), 1, sql, database, maxRows), run::onCancel));

        ChatbotConfig.Features features = this.config.get().chatbot().features();
        QueryAnswer.Builder answer = timed(run, Stage.RESULTS, () -> QueryAnswer.newBuilder()
                .setSql(sql)
                .setChart(chart(this.charts.advise(new ChartRequest(result.columns(), result.rows(),
                        question.getQuestion(), null, features.enableAdvancedCharts()))))
                .setExplanation(generated.explanation())
                .setColumns(result.columns())
                .setRows(result.rows())
                .setRowCount(result.rowCount())
                .setTruncated(result.truncated())
                .setResultLocation((result.fullResult() != null) ? this.results.place(run.queryId(), result.fullResult()) : null)
                .setStatistics(result.statistics())
                .setGenerator(generator));
        run.end(QueryStatus.SUCCEEDED, Stage.RESULTS, result.rowCount() + " rows", null, answer);
    }

    /**
     * The SQL to run: given with the question, or written by the generator. Null when the generator
     * declined, which ends the query.
     */
    private Authored author(QueryRun run, QuestionSubmitted question, String database, int maxRows) throws Exception {
        if (question.getSql() != null && !question.getSql().isBlank()) {
            return new Authored(new Generation.Sql(question.getSql(), "The SQL given with the question, run as given"),
                    GIVEN_SQL);
        }
        run.progress(QueryStatus.RETRIEVING, Stage.RETRIEVAL, "Finding the relevant tables");
        SchemaContext schema = timed(run, Stage.RETRIEVAL, () -> this.retriever.retrieve(question.getQuestion(), database));

        run.progress(QueryStatus.GENERATING, Stage.GENERATION, "Writing SQL over " + schema.tables().size() + " tables");
        Generation generation = timed(run, Stage.GENERATION,
                () -> this.generator.generate(new GenerationRequest(question.getQuestion(), schema, maxRows)));
        if (generation instanceof Generation.CannotAnswer cannot) {
            run.end(QueryStatus.SUCCEEDED, Stage.GENERATION, "The question cannot be answered with certainty", null,
                    QueryAnswer.newBuilder().setExplanation(cannot.reason()).setGenerator(this.generator.name()));
            return null;
        }
        return new Authored((Generation.Sql) generation, this.generator.name());
    }

    private static ChartSuggestion chart(ChartAdvice advice) {
        return ChartSuggestion.newBuilder().setType(advice.type()).setReason(advice.reason())
                .setAlternatives(advice.alternatives()).setChartJsConfig(advice.chartJsConfig())
                .setQuickChartUrl(advice.quickChartUrl()).build();
    }

    private record Authored(Generation.Sql sql, String generator) {
    }

    /** Read once per query from the revision in force, so a reload never changes a query halfway. */
    private int maxRows(QuestionSubmitted question) {
        int configured = this.config.get().chatbot().features().defaultMaxRows();
        Integer requested = (question.getOptions() != null) ? question.getOptions().getMaxRows() : null;
        return (requested != null) ? Math.min(requested, configured) : configured;
    }

    /** The engine's failure as the query's end: its own timeout and cancellation keep their meaning. */
    private static void engineFailed(QueryRun run, EngineException ex) {
        switch (ex.kind()) {
            case TIMED_OUT -> run.end(QueryStatus.TIMED_OUT, Stage.EXECUTION, ex.getMessage(),
                    error("QUERY_TIMEOUT", ex.getMessage(), true), QueryAnswer.newBuilder());
            case CANCELLED -> run.end(QueryStatus.CANCELLED, Stage.EXECUTION, ex.getMessage(),
                    error("CANCELLED", ex.getMessage(), false), QueryAnswer.newBuilder());
            default -> run.end(QueryStatus.FAILED, Stage.EXECUTION, "The query engine could not run the SQL",
                    error("ENGINE_" + ex.kind().name(), ex.getMessage(), ex.retryable()), QueryAnswer.newBuilder());
        }
    }

    private void expire(QueryRun run, Thread runner) {
        long seconds = this.properties.queryDeadline().toSeconds();
        stop(run, runner, QueryStatus.TIMED_OUT,
                error("DEADLINE_EXCEEDED", "The query took longer than its deadline of " + seconds + " s", true));
    }

    /** Ends the query from outside its thread, then stops whatever it is waiting for. */
    private static void stop(QueryRun run, Thread runner, QueryStatus status, QueryError error) {
        if (run.end(status, Stage.UNKNOWN, error.getMessage(), error, QueryAnswer.newBuilder())) {
            run.cancelRunningWork();
            runner.interrupt();
        }
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
