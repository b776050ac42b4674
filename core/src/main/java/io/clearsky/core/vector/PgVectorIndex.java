package io.clearsky.core.vector;

import com.pgvector.PGvector;
import io.clearsky.core.config.PostgresConnection;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schema documents in PostgreSQL with pgvector, through a pooled r2dbc-postgresql connection with
 * timeouts. Two table layouts are read and written:
 * <ul>
 * <li>{@link Layout#LLAMA_INDEX}: {@code data_<table>} as LlamaIndex's PGVectorStore wrote it for the
 * original service ({@code id}, {@code text}, {@code metadata_} JSON, {@code node_id},
 * {@code embedding vector(N)});</li>
 * <li>{@link Layout#PLAIN}: {@code <table>} ({@code id} text key, {@code content}, {@code metadata}
 * jsonb, {@code embedding vector(N)}), which ClearSky creates when neither exists.</li>
 * </ul>
 * Similarity is cosine ({@code <=>}). A document's database, table and content hash live in its
 * metadata; documents written by others may name the table as {@code table_name}.
 */
public final class PgVectorIndex implements VectorIndex, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The store's vectors and the embedding model's differ in length: nothing found would mean anything. */
    public static final class DimensionMismatchException extends IllegalStateException {

        DimensionMismatchException(String message) {
            super(message);
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** How a store's table is laid out. */
    public enum Layout {
        LLAMA_INDEX("node_id", "text", "metadata_"), PLAIN("id", "content", "metadata");

        private final String id;

        private final String text;

        private final String metadata;

        Layout(String id, String text, String metadata) {
            this.id = id;
            this.text = text;
            this.metadata = metadata;
        }
    }

    private final ConnectionPool pool;

    private final String table;

    private final Layout layout;

    private final int dimension;

    private final double threshold;

    private final Duration timeout;

    private PgVectorIndex(ConnectionPool pool, String table, Layout layout, int dimension, double threshold,
            Duration timeout) {
        this.pool = pool;
        this.table = table;
        this.layout = layout;
        this.dimension = dimension;
        this.threshold = threshold;
        this.timeout = timeout;
    }

    /**
     * Connects, finds the store's layout (creating the plain layout when there is none) and checks that
     * its vectors have the embedding model's dimension.
     *
     * @param table the configured table name; LlamaIndex's layout lives in {@code data_<table>}
     * @param threshold lowest cosine similarity a match may have
     * @throws IllegalStateException when the store cannot be reached in time or its dimension differs,
     * naming both numbers
     */
    public static PgVectorIndex open(PostgresConnection connection, String table, int dimension, double threshold,
            Duration timeout) {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("vector store table must be a plain SQL name, not " + table);
        }
        var configuration = PostgresqlConnectionConfiguration.builder().host(connection.host()).port(connection.port())
                .database(connection.database()).username(connection.user()).password(connection.password())
                .connectTimeout(timeout).statementTimeout(timeout)
                // Prepared-statement caching off: PGlite and PgBouncer-style poolers share backend sessions.
                .preparedStatementCacheQueries(0)
                .sslMode(sslMode(connection.parameters().get("sslmode")));
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(
                configuration.build())).initialSize(1).maxSize(8).maxAcquireTime(timeout).maxCreateConnectionTime(timeout)
                .build());
        try {
            Layout layout = detect(pool, table, timeout);
            PgVectorIndex index = new PgVectorIndex(pool, (layout == Layout.LLAMA_INDEX) ? "data_" + table : table,
                    (layout != null) ? layout : Layout.PLAIN, dimension, threshold, timeout);
            if (layout == null) {
                index.createPlainTable();
            }
            int stored = index.storedDimension();
            if (stored != dimension) {
                throw new DimensionMismatchException("The vector store " + index.table + " holds " + stored
                        + "-dimension vectors but the embedding model makes " + dimension
                        + "-dimension ones; set embedding_dimension and the embedding model to agree, or re-index");
            }
            return index;
        }
        catch (RuntimeException ex) {
            pool.dispose();
            throw (ex instanceof DimensionMismatchException) ? ex : new IllegalStateException("Cannot use the vector store at "
                    + connection.describe() + ": " + rootMessage(ex), ex);
        }
    }

    public Layout layout() {
        return this.layout;
    }

    public String table() {
        return this.table;
    }

    @Override
    public int dimension() {
        return this.dimension;
    }

    @Override
    public Set<String> contentHashes(String database) {
        String sql = "SELECT " + this.layout.metadata + "->>'content_hash' FROM " + this.table + " WHERE "
                + this.layout.metadata + "->>'database' = $1";
        List<String> hashes = query(sql, (row) -> row.get(0, String.class), database);
        Set<String> known = new HashSet<>(hashes);
        known.remove(null);
        return known;
    }

    @Override
    public void upsert(List<Entry> entries) {
        Layout layout = this.layout;
        String write = (layout == Layout.PLAIN)
                ? "INSERT INTO " + this.table + " (id, content, metadata, embedding) VALUES ($1, $2, $3::jsonb, $4::vector) "
                        + "ON CONFLICT (id) DO UPDATE SET content = EXCLUDED.content, metadata = EXCLUDED.metadata, "
                        + "embedding = EXCLUDED.embedding"
                : "INSERT INTO " + this.table + " (node_id, text, metadata_, embedding) VALUES ($1, $2, $3::json, $4::vector)";
        Mono.usingWhen(this.pool.create(), (connection) -> Flux.fromIterable(entries).concatMap((entry) -> {
            SchemaDocument document = entry.document();
            Mono<Void> replace = (layout == Layout.PLAIN) ? Mono.empty()
                    : Flux.from(connection.createStatement("DELETE FROM " + this.table + " WHERE node_id = $1")
                            .bind("$1", document.id()).execute()).flatMap((result) -> result.getRowsUpdated()).then();
            return replace.then(Flux.from(connection.createStatement(write).bind("$1", document.id())
                    .bind("$2", document.text()).bind("$3", metadata(document))
                    .bind("$4", new PGvector(entry.vector()).toString()).execute())
                    .flatMap((result) -> result.getRowsUpdated()).then());
        }).then(), Connection::close).block(this.timeout.multipliedBy(Math.max(1, entries.size())));
    }

    @Override
    public List<Match> search(String database, float[] query, int topK) {
        String sql = "SELECT " + this.layout.id + ", " + this.layout.text + ", " + this.layout.metadata + "::text, "
                + "1 - (embedding <=> $1::vector) AS similarity FROM " + this.table + " WHERE (" + this.layout.metadata
                + "->>'database' = $2 OR " + this.layout.metadata + "->>'database' IS NULL) AND "
                + "1 - (embedding <=> $1::vector) >= $3 ORDER BY embedding <=> $1::vector LIMIT $4";
        return query(sql, (row) -> match(row, database), new PGvector(query).toString(), database, this.threshold, topK)
                .stream().filter((match) -> match.document().table() != null).toList();
    }

    private Match match(Readable row, String database) {
        JsonNode metadata = JSON.readTree(row.get(2, String.class));
        String table = metadata.hasNonNull("table") ? metadata.get("table").asString()
                : metadata.hasNonNull("table_name") ? metadata.get("table_name").asString() : null;
        String text = row.get(1, String.class);
        SchemaDocument document = new SchemaDocument(row.get(0, String.class), database, table, text,
                metadata.hasNonNull("content_hash") ? metadata.get("content_hash").asString() : null);
        return new Match(document, row.get(3, Double.class));
    }

    private static String metadata(SchemaDocument document) {
        return JSON.createObjectNode().put("database", document.database()).put("table", document.table())
                .put("content_hash", document.contentHash()).put("source", "clearsky").toString();
    }

    private void createPlainTable() {
        execute("CREATE EXTENSION IF NOT EXISTS vector");
        execute("CREATE TABLE IF NOT EXISTS " + this.table + " (id text PRIMARY KEY, content text NOT NULL, "
                + "metadata jsonb NOT NULL, embedding vector(" + this.dimension + ") NOT NULL)");
    }

    /** pgvector keeps a column's dimension as its type modifier. */
    private int storedDimension() {
        List<Integer> dimensions = query("SELECT atttypmod FROM pg_attribute WHERE attrelid = $1::regclass "
                + "AND attname = 'embedding'", (row) -> row.get(0, Integer.class), this.table);
        if (dimensions.isEmpty()) {
            throw new IllegalStateException("The vector store table " + this.table + " has no embedding column");
        }
        return dimensions.getFirst();
    }

    private static Layout detect(ConnectionPool pool, String table, Duration timeout) {
        List<String> found = Mono.usingWhen(pool.create(), (connection) -> Flux.from(connection.createStatement(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() "
                        + "AND ((table_name = $1 AND column_name = 'node_id') OR (table_name = $2 AND column_name = 'content'))")
                .bind("$1", "data_" + table.toLowerCase(Locale.ROOT)).bind("$2", table.toLowerCase(Locale.ROOT)).execute())
                .flatMap((result) -> result.map((row, meta) -> row.get(0, String.class))).collectList(), Connection::close)
                .block(timeout);
        if (found.contains("data_" + table.toLowerCase(Locale.ROOT))) {
            return Layout.LLAMA_INDEX;
        }
        return found.isEmpty() ? null : Layout.PLAIN;
    }

    private void execute(String sql) {
        Mono.usingWhen(this.pool.create(), (connection) -> Flux.from(connection.createStatement(sql).execute())
                .flatMap((result) -> result.getRowsUpdated()).then(), Connection::close).block(this.timeout);
    }

    private <T> List<T> query(String sql, Function<Readable, T> reader, Object... parameters) {
        return Mono.usingWhen(this.pool.create(), (connection) -> {
            var statement = connection.createStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.bind("$" + (i + 1), parameters[i]);
            }
            return Flux.from(statement.execute()).flatMap((result) -> result.map((row, meta) -> reader.apply(row)))
                    .collectList();
        }, Connection::close).block(this.timeout);
    }

    private static SSLMode sslMode(String mode) {
        return (mode != null) ? SSLMode.fromValue(mode) : SSLMode.DISABLE;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        this.pool.dispose();
    }
}
