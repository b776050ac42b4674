package io.clearsky.worker.execution;

import io.clearsky.core.Hashing;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.schemas.avro.ExecutionStatistics;
import io.clearsky.schemas.avro.ResultColumn;
import io.clearsky.worker.config.AthenaProperties;
import io.clearsky.worker.execution.EngineException.Kind;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.athena.AthenaAsyncClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatistics;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.TooManyRequestsException;

/**
 * Runs queries on Athena through the non-blocking client. Starting is idempotent per query and attempt
 * ({@code ClientRequestToken}), so a redelivered question finds its running or finished execution
 * instead of paying for a second one. Completion is checked with growing waits on timers, holding no
 * thread; {@code query_timeout_seconds} is enforced with {@code StopQueryExecution}. When a result has
 * more rows than the answer shows or than the large-result threshold, Athena's own output object is the
 * full result: it is handed on, not read through the worker.
 */
public final class AthenaEngine implements QueryEngine {

    private static final Logger logger = LoggerFactory.getLogger(AthenaEngine.class);

    /** Athena bills at least 10 MB per query. */
    private static final long MINIMUM_BILLED_BYTES = 10L * 1024 * 1024;

    private static final double BYTES_PER_TERABYTE = Math.pow(1024, 4);

    private static final int PAGE_SIZE = 1000;

    private final AthenaAsyncClient athena;

    private final Supplier<ChatbotConfig.Athena> config;

    private final AthenaProperties properties;

    public AthenaEngine(AthenaAsyncClient athena, Supplier<ChatbotConfig.Athena> config, AthenaProperties properties) {
        this.athena = athena;
        this.config = config;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "athena";
    }

    @Override
    public EngineResult execute(EngineQuery query, Consumer<Runnable> onCancellable) throws EngineException {
        ChatbotConfig.Athena settings = this.config.get();
        String executionId = await(this.athena.startQueryExecution(start(query, settings))).queryExecutionId();
        onCancellable.accept(() -> stop(executionId));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.queryTimeoutSeconds());
        QueryExecution execution = await(completion(executionId, this.properties.firstPoll(), deadline));
        QueryExecutionState state = execution.status().state();
        if (state == QueryExecutionState.FAILED) {
            String reason = execution.status().stateChangeReason();
            throw new EngineException(EngineErrors.classify(reason), (reason != null) ? reason : "Athena failed the query",
                    null);
        }
        if (state == QueryExecutionState.CANCELLED) {
            if (System.nanoTime() - deadline >= 0) {
                throw new EngineException(Kind.TIMED_OUT, "The Athena query ran longer than "
                        + settings.queryTimeoutSeconds() + " s (query_timeout_seconds) and was stopped", null);
            }
            throw new EngineException(Kind.CANCELLED, "The Athena query was cancelled", null);
        }
        return results(query, execution);
    }

    private StartQueryExecutionRequest start(EngineQuery query, ChatbotConfig.Athena settings) {
        var request = StartQueryExecutionRequest.builder().queryString(query.sql())
                .clientRequestToken(requestToken(query))
                .workGroup(settings.workgroup())
                .queryExecutionContext((context) -> context.catalog(settings.catalog()).database(query.database()));
        if (settings.outputLocationS3() != null) {
            request.resultConfiguration((result) -> result.outputLocation(settings.outputLocationS3()));
        }
        return request.build();
    }

    /** Same query and attempt, same token: Athena then returns the first execution instead of starting one. */
    static String requestToken(EngineQuery query) {
        return Hashing.sha256Hex(query.queryId() + "#" + query.attempt());
    }

    /** Checks the execution after {@code wait}, then again with a longer wait, until it ends or the deadline passes. */
    private CompletableFuture<QueryExecution> completion(String executionId, Duration wait, long deadline) {
        return CompletableFuture.supplyAsync(() -> executionId,
                        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose((id) -> this.athena.getQueryExecution((request) -> request.queryExecutionId(id)))
                .thenCompose((response) -> {
                    QueryExecution execution = response.queryExecution();
                    QueryExecutionState state = execution.status().state();
                    if (state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING) {
                        return CompletableFuture.completedFuture(execution);
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        // The stop is asked for; the next check sees CANCELLED past the deadline.
                        return this.athena.stopQueryExecution((request) -> request.queryExecutionId(executionId))
                                .handle((stopped, failure) -> executionId)
                                .thenCompose((id) -> completion(executionId, this.properties.firstPoll(), deadline));
                    }
                    Duration next = wait.plus(wait.dividedBy(2));
                    return completion(executionId, (next.compareTo(this.properties.maxPoll()) > 0)
                            ? this.properties.maxPoll() : next, deadline);
                });
    }

    private void stop(String executionId) {
        this.athena.stopQueryExecution((request) -> request.queryExecutionId(executionId)).whenComplete((done, failure) -> {
            if (failure != null) {
                logger.warn("Stopping Athena query {} failed: {}", executionId, failure.getMessage());
            }
        });
    }

    private EngineResult results(EngineQuery query, QueryExecution execution) throws EngineException {
        String executionId = execution.queryExecutionId();
        List<ResultColumn> columns = null;
        List<String> types = null;
        List<List<Object>> rows = new ArrayList<>();
        String nextToken = null;
        boolean firstPage = true;
        do {
            // One row more than needed tells whether anything is left without reading another page.
            int wanted = Math.max(1, Math.min(PAGE_SIZE, query.maxRows() - rows.size() + (firstPage ? 2 : 1)));
            String token = nextToken;
            GetQueryResultsResponse page = await(this.athena.getQueryResults((request) -> request
                    .queryExecutionId(executionId).nextToken(token).maxResults(wanted)));
            if (columns == null) {
                List<ColumnInfo> info = page.resultSet().resultSetMetadata().columnInfo();
                columns = info.stream().map((column) -> new ResultColumn(column.label(),
                        AthenaValues.portableType(column.type()), column.type())).toList();
                types = info.stream().map(ColumnInfo::type).toList();
            }
            List<Row> pageRows = page.resultSet().rows();
            // The first row of a SELECT's first page repeats the column labels.
            int skip = (firstPage && !pageRows.isEmpty() && headerRow(pageRows.getFirst(), columns)) ? 1 : 0;
            for (Row row : pageRows.subList(skip, pageRows.size())) {
                if (rows.size() < query.maxRows() + 1) {
                    rows.add(values(row, types));
                }
            }
            nextToken = page.nextToken();
            firstPage = false;
        }
        while (nextToken != null && rows.size() <= query.maxRows());

        boolean truncated = rows.size() > query.maxRows() || nextToken != null;
        if (rows.size() > query.maxRows()) {
            rows = rows.subList(0, query.maxRows());
        }
        long rowCount = truncated ? totalRows(executionId, rows.size()) : rows.size();
        return new EngineResult(columns, List.copyOf(rows), rowCount, truncated, statistics(execution),
                (truncated || rowCount > query.fullResultAbove()) ? outputObject(execution) : null);
    }

    private static boolean headerRow(Row row, List<ResultColumn> columns) {
        List<Datum> data = row.data();
        if (data.size() != columns.size()) {
            return false;
        }
        for (int i = 0; i < data.size(); i++) {
            if (!columns.get(i).getName().equals(data.get(i).varCharValue())) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> values(Row row, List<String> types) {
        List<Object> values = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            values.add(AthenaValues.value(types.get(i), (i < row.data().size()) ? row.data().get(i).varCharValue() : null));
        }
        return values;
    }

    /** The total Athena counted while writing the result; the rows read when it does not say. */
    private long totalRows(String executionId, long read) {
        try {
            var statistics = this.athena.getQueryRuntimeStatistics((request) -> request.queryExecutionId(executionId))
                    .join().queryRuntimeStatistics();
            if (statistics != null && statistics.rows() != null && statistics.rows().outputRows() != null) {
                return statistics.rows().outputRows();
            }
        }
        catch (CompletionException ex) {
            logger.debug("No runtime statistics for Athena query {}: {}", executionId, ex.getMessage());
        }
        return read;
    }

    private ExecutionStatistics statistics(QueryExecution execution) {
        QueryExecutionStatistics statistics = execution.statistics();
        ExecutionStatistics.Builder result = ExecutionStatistics.newBuilder().setEngine(name())
                .setExecutionId(execution.queryExecutionId());
        if (statistics != null) {
            Long scanned = statistics.dataScannedInBytes();
            result.setDataScannedBytes(scanned).setEngineExecutionMs(statistics.engineExecutionTimeInMillis())
                    .setQueueMs(statistics.queryQueueTimeInMillis());
            if (scanned != null) {
                result.setEstimatedCostUsd(Math.max(scanned, MINIMUM_BILLED_BYTES) / BYTES_PER_TERABYTE
                        * this.properties.pricePerTerabyteUsd());
            }
        }
        return result.build();
    }

    private static FullResult outputObject(QueryExecution execution) {
        String location = (execution.resultConfiguration() != null) ? execution.resultConfiguration().outputLocation() : null;
        if (location == null || !location.startsWith("s3://")) {
            return null;
        }
        URI uri = URI.create(location);
        return new FullResult.S3Object(uri.getHost(), uri.getPath().substring(1));
    }

    /** Waits for an Athena call; the wait ends early when the query's thread is interrupted (deadline, cancel). */
    private static <T> T await(CompletableFuture<T> call) throws EngineException {
        try {
            return call.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EngineException(Kind.CANCELLED, "The query was stopped while Athena ran it", ex);
        }
        catch (ExecutionException ex) {
            throw translate(ex.getCause());
        }
    }

    static EngineException translate(Throwable failure) {
        Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
        if (cause instanceof TooManyRequestsException) {
            return new EngineException(Kind.THROTTLED, "Athena is throttling requests; try again shortly", cause);
        }
        if (cause instanceof InvalidRequestException invalid) {
            String message = invalid.awsErrorDetails() != null ? invalid.awsErrorDetails().errorMessage() : invalid.getMessage();
            Kind kind = EngineErrors.classify(message);
            return new EngineException((kind == Kind.OTHER) ? Kind.INVALID_QUERY : kind, "Athena refused the query: " + message,
                    cause);
        }
        if (cause instanceof AthenaException athena) {
            String message = athena.awsErrorDetails() != null ? athena.awsErrorDetails().errorMessage() : athena.getMessage();
            Kind kind = (athena.statusCode() == 403) ? Kind.PERMISSION
                    : (athena.statusCode() >= 500) ? Kind.UNAVAILABLE : EngineErrors.classify(message);
            return new EngineException(kind, "Athena: " + message, cause);
        }
        if (cause instanceof SdkClientException) {
            return new EngineException(Kind.UNAVAILABLE, "Athena cannot be reached: " + cause.getMessage(), cause);
        }
        return new EngineException(Kind.OTHER, "Athena: " + cause.getMessage(), cause);
    }
}
