package io.clearsky.core.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.clearsky.core.lake.DuckDbLake;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A wire-level Athena: WireMock answering the JSON 1.1 protocol ({@code X-Amz-Target: AmazonAthena.*}) the
 * AWS SDK really sends, with the SQL executed in DuckDB so results are real. Executions move QUEUED →
 * RUNNING → SUCCEEDED (or FAILED with DuckDB's message) over a configurable number of status checks;
 * throttling, a chosen failure reason and queries that never finish can be injected. With an S3 client the
 * result CSV is written to the output location, as Athena does.
 */
public final class AthenaStub implements AutoCloseable {

    private static final String TARGET = "X-Amz-Target";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DuckDbLake lake;

    private final S3Client s3;

    private final WireMockServer server;

    private final Map<String, Execution> executions = new ConcurrentHashMap<>();

    private final Map<String, String> executionsByToken = new ConcurrentHashMap<>();

    private final AtomicInteger throttleNext = new AtomicInteger();

    private final java.util.Set<String> disabledWorkGroups = ConcurrentHashMap.newKeySet();

    private final AtomicReference<String> failNextWith = new AtomicReference<>();

    private volatile int checksBeforeDone = 1;

    private volatile boolean neverFinish;

    private AthenaStub(DuckDbLake lake, S3Client s3) {
        this.lake = lake;
        this.s3 = s3;
        this.server = new WireMockServer(options().dynamicPort().extensions(new Protocol()));
    }

    /** Starts the stub over a lake; {@code s3} may be null when no test reads Athena's output objects. */
    public static AthenaStub start(DuckDbLake lake, S3Client s3) {
        AthenaStub stub = new AthenaStub(lake, s3);
        stub.server.start();
        stub.server.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)));
        return stub;
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + this.server.port());
    }

    /** Status checks an execution answers RUNNING before it ends. */
    public void checksBeforeDone(int checks) {
        this.checksBeforeDone = checks;
    }

    /** New executions stay RUNNING until stopped. */
    public void neverFinish(boolean never) {
        this.neverFinish = never;
    }

    /** The next {@code count} calls of any operation get {@code TooManyRequestsException}. */
    public void throttleNext(int count) {
        this.throttleNext.set(count);
    }

    /** The next execution fails with this state-change reason instead of running. */
    public void failNextWith(String reason) {
        this.failNextWith.set(reason);
    }

    /** Calls of one operation the stub received, e.g. {@code StartQueryExecution}. */
    public List<LoggedRequest> calls(String operation) {
        return this.server.findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader(TARGET, equalTo("AmazonAthena." + operation)));
    }

    /** The ids of the executions started so far. */
    public List<String> executionIds() {
        return List.copyOf(this.executions.keySet());
    }

    public String state(String executionId) {
        return this.executions.get(executionId).state;
    }

    public void reset() {
        this.server.resetRequests();
        this.executions.clear();
        this.executionsByToken.clear();
        this.throttleNext.set(0);
        this.failNextWith.set(null);
        this.disabledWorkGroups.clear();
        this.checksBeforeDone = 1;
        this.neverFinish = false;
    }

    @Override
    public void close() {
        this.server.stop();
    }

    private final class Protocol implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "athena-protocol";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest request = event.getRequest();
            String target = request.getHeader(TARGET);
            if (target == null || !target.startsWith("AmazonAthena.")) {
                return error(400, "UnknownOperationException", "Missing or foreign X-Amz-Target");
            }
            if (request.getHeader("Authorization") == null || !request.getHeader("Authorization").startsWith("AWS4-HMAC-SHA256")) {
                return error(403, "AccessDeniedException", "Requests must be signed with SigV4");
            }
            if (throttleNext.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
                return error(400, "TooManyRequestsException", "Rate exceeded");
            }
            JsonNode body = JSON.readTree(request.getBodyAsString());
            try {
                return switch (target.substring("AmazonAthena.".length())) {
                    case "StartQueryExecution" -> ok(startQueryExecution(body));
                    case "GetQueryExecution" -> ok(getQueryExecution(body));
                    case "StopQueryExecution" -> ok(stopQueryExecution(body));
                    case "GetQueryResults" -> ok(getQueryResults(body));
                    case "GetQueryRuntimeStatistics" -> ok(getQueryRuntimeStatistics(body));
                    case "ListDatabases" -> ok(listDatabases());
                    case "GetWorkGroup" -> ok(getWorkGroup(body));
                    case "ListTableMetadata" -> listTableMetadata(body);
                    default -> error(400, "UnknownOperationException", target);
                };
            }
            catch (UnknownExecution ex) {
                return error(400, "InvalidRequestException", "QueryExecution " + ex.getMessage() + " was not found");
            }
        }
    }

    private ObjectNode startQueryExecution(JsonNode body) {
        String token = body.path("ClientRequestToken").asString(null);
        String existing = (token != null) ? this.executionsByToken.get(token) : null;
        if (existing != null) {
            return JSON.createObjectNode().put("QueryExecutionId", existing);
        }
        String id = UUID.randomUUID().toString();
        String output = body.path("ResultConfiguration").path("OutputLocation").asString("s3://athena-output/");
        Execution execution = new Execution(id, body.path("QueryString").asString(),
                body.path("QueryExecutionContext").path("Database").asString("main"),
                output.endsWith("/") ? output + id + ".csv" : output + "/" + id + ".csv");
        execution.failure = this.failNextWith.getAndSet(null);
        this.executions.put(id, execution);
        if (token != null) {
            this.executionsByToken.put(token, id);
        }
        return JSON.createObjectNode().put("QueryExecutionId", id);
    }

    private ObjectNode getQueryExecution(JsonNode body) {
        Execution execution = execution(body);
        synchronized (execution) {
            if (execution.state.equals("QUEUED")) {
                execution.state = "RUNNING";
            }
            else if (execution.state.equals("RUNNING") && !this.neverFinish
                    && ++execution.checks >= this.checksBeforeDone) {
                run(execution);
            }
        }
        ObjectNode status = JSON.createObjectNode().put("State", execution.state)
                .put("SubmissionDateTime", execution.submitted.getEpochSecond());
        if (execution.failure != null && execution.state.equals("FAILED")) {
            status.put("StateChangeReason", execution.failure);
            status.putObject("AthenaError").put("ErrorCategory", 2).put("ErrorMessage", execution.failure);
        }
        ObjectNode queryExecution = JSON.createObjectNode().put("QueryExecutionId", execution.id)
                .put("Query", execution.sql).put("StatementType", "DML").put("WorkGroup", "primary");
        queryExecution.putObject("ResultConfiguration").put("OutputLocation", execution.output);
        queryExecution.putObject("QueryExecutionContext").put("Database", execution.database);
        queryExecution.set("Status", status);
        queryExecution.putObject("Statistics").put("EngineExecutionTimeInMillis", 420)
                .put("DataScannedInBytes", 123_456_789L).put("QueryQueueTimeInMillis", 17)
                .put("TotalExecutionTimeInMillis", 437);
        ObjectNode response = JSON.createObjectNode();
        response.set("QueryExecution", queryExecution);
        return response;
    }

    private void run(Execution execution) {
        if (execution.failure != null) {
            execution.state = "FAILED";
            return;
        }
        try (Connection connection = this.lake.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET schema = '" + execution.database.replace("'", "''") + "'");
            try (ResultSet results = statement.executeQuery(execution.sql)) {
                ResultSetMetaData meta = results.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    execution.columns.put(meta.getColumnLabel(i), athenaType(meta.getColumnTypeName(i)));
                }
                while (results.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(athenaText(results.getObject(i)));
                    }
                    execution.rows.add(row);
                }
            }
            execution.state = "SUCCEEDED";
            writeOutput(execution);
        }
        catch (SQLException ex) {
            execution.failure = ex.getMessage();
            execution.state = "FAILED";
        }
    }

    /** Values as Athena prints them; timestamps carry milliseconds. */
    private static String athenaText(Object value) {
        return switch (value) {
            case null -> null;
            case java.sql.Timestamp timestamp -> timestamp.toLocalDateTime()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
            default -> value.toString();
        };
    }

    private void writeOutput(Execution execution) {
        if (this.s3 == null) {
            return;
        }
        StringBuilder csv = new StringBuilder();
        csv.append(csvLine(new ArrayList<>(execution.columns.keySet())));
        execution.rows.forEach((row) -> csv.append(csvLine(row)));
        URI location = URI.create(execution.output);
        this.s3.putObject((put) -> put.bucket(location.getHost()).key(location.getPath().substring(1)),
                RequestBody.fromString(csv.toString()));
    }

    /** Athena quotes every field of its CSV output. */
    private static String csvLine(List<String> values) {
        List<String> quoted = values.stream().map((value) -> (value == null) ? ""
                : '"' + value.replace("\"", "\"\"") + '"').toList();
        return String.join(",", quoted) + "\n";
    }

    private ObjectNode stopQueryExecution(JsonNode body) {
        Execution execution = execution(body);
        synchronized (execution) {
            if (execution.state.equals("QUEUED") || execution.state.equals("RUNNING")) {
                execution.state = "CANCELLED";
            }
        }
        return JSON.createObjectNode();
    }

    private ObjectNode getQueryResults(JsonNode body) {
        Execution execution = execution(body);
        int offset = Integer.parseInt(body.path("NextToken").asString("0"));
        int max = body.path("MaxResults").asInt(1000);
        ObjectNode response = JSON.createObjectNode();
        ObjectNode resultSet = response.putObject("ResultSet");
        ArrayNode columnInfo = resultSet.putObject("ResultSetMetadata").putArray("ColumnInfo");
        execution.columns.forEach((name, type) -> columnInfo.addObject().put("CatalogName", "hive").put("Name", name)
                .put("Label", name).put("Type", type).put("Nullable", "UNKNOWN").put("CaseSensitive", false));
        ArrayNode rows = resultSet.putArray("Rows");
        // Athena's first page starts with a row of column labels.
        List<List<String>> all = new ArrayList<>();
        all.add(new ArrayList<>(execution.columns.keySet()));
        all.addAll(execution.rows);
        int end = Math.min(all.size(), offset + max);
        for (List<String> row : all.subList(offset, end)) {
            ArrayNode data = rows.addObject().putArray("Data");
            row.forEach((value) -> {
                ObjectNode datum = data.addObject();
                if (value != null) {
                    datum.put("VarCharValue", value);
                }
            });
        }
        if (end < all.size()) {
            response.put("NextToken", String.valueOf(end));
        }
        return response;
    }

    private ObjectNode getQueryRuntimeStatistics(JsonNode body) {
        Execution execution = execution(body);
        ObjectNode response = JSON.createObjectNode();
        response.putObject("QueryRuntimeStatistics").putObject("Rows").put("InputRows", execution.rows.size())
                .put("OutputRows", execution.rows.size());
        return response;
    }

    private ObjectNode getWorkGroup(JsonNode body) {
        ObjectNode response = JSON.createObjectNode();
        String name = body.path("WorkGroup").asString();
        response.putObject("WorkGroup").put("Name", name).put("State", this.disabledWorkGroups.contains(name) ? "DISABLED" : "ENABLED");
        return response;
    }

    /** The workgroup answers DISABLED from now on. */
    public void disableWorkGroup(String name) {
        this.disabledWorkGroups.add(name);
    }

    private ObjectNode listDatabases() {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("DatabaseList");
        query("SELECT DISTINCT schema_name FROM duckdb_tables() WHERE NOT internal ORDER BY 1").forEach((row) ->
                list.addObject().put("Name", row.getFirst()));
        return response;
    }

    /** Two tables per page, so that readers must follow {@code NextToken}. */
    private ResponseDefinition listTableMetadata(JsonNode body) {
        String database = body.path("DatabaseName").asString();
        List<List<String>> tables = query("SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = '"
                + database.replace("'", "''") + "' ORDER BY table_name");
        if (tables.isEmpty()) {
            return error(400, "MetadataException", "Database " + database + " not found.");
        }
        int offset = Integer.parseInt(body.path("NextToken").asString("0"));
        int end = Math.min(tables.size(), offset + 2);
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("TableMetadataList");
        for (List<String> table : tables.subList(offset, end)) {
            ObjectNode metadata = list.addObject().put("Name", table.get(0)).put("TableType", "EXTERNAL_TABLE");
            ArrayNode columns = metadata.putArray("Columns");
            query("SELECT column_name, data_type, comment FROM duckdb_columns() WHERE schema_name = '"
                    + database.replace("'", "''") + "' AND table_name = '" + table.get(0).replace("'", "''")
                    + "' ORDER BY column_index").forEach((column) -> {
                        ObjectNode node = columns.addObject().put("Name", column.get(0)).put("Type", athenaType(column.get(1)));
                        if (column.get(2) != null) {
                            node.put("Comment", column.get(2));
                        }
                    });
            metadata.putArray("PartitionKeys").addObject().put("Name", "dt").put("Type", "string")
                    .put("Comment", "load date");
            if (table.get(1) != null) {
                metadata.putObject("Parameters").put("comment", table.get(1)).put("recordCount", "1000");
            }
        }
        if (end < tables.size()) {
            response.put("NextToken", String.valueOf(end));
        }
        return ok(response);
    }

    private List<List<String>> query(String sql) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = this.lake.connect(); Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery(sql)) {
            int count = results.getMetaData().getColumnCount();
            while (results.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    row.add(results.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** DuckDB's type names as Athena (Trino) spells them. */
    static String athenaType(String duckdbType) {
        String type = duckdbType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "hugeint" -> "decimal(38,0)";
            case "float" -> "real";
            case "timestamp with time zone" -> "timestamp with time zone";
            default -> type.endsWith("[]") ? "array(" + athenaType(type.substring(0, type.length() - 2)) + ")"
                    : type.startsWith("decimal") ? type.replace(" ", "") : type;
        };
    }

    private Execution execution(JsonNode body) {
        String id = body.path("QueryExecutionId").asString();
        Execution execution = this.executions.get(id);
        if (execution == null) {
            throw new UnknownExecution(id);
        }
        return execution;
    }

    private static ResponseDefinition ok(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(body.toString()).build();
    }

    private static ResponseDefinition error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-ErrorType", type)
                .withBody(JSON.createObjectNode().put("__type", type).put("Message", message).toString()).build();
    }

    private static final class UnknownExecution extends RuntimeException {

        UnknownExecution(String id) {
            super(id);
        }
    }

    private static final class Execution {

        final String id;

        final String sql;

        final String database;

        final String output;

        final Instant submitted = Instant.now();

        final Map<String, String> columns = new LinkedHashMap<>();

        final List<List<String>> rows = new ArrayList<>();

        volatile String state = "QUEUED";

        volatile String failure;

        int checks;

        Execution(String id, String sql, String database, String output) {
            this.id = id;
            this.sql = sql;
            this.database = database;
            this.output = output;
        }
    }
}
