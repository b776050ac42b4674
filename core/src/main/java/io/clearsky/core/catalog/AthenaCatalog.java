package io.clearsky.core.catalog;

import io.clearsky.core.config.ChatbotConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.athena.AthenaAsyncClient;
import software.amazon.awssdk.services.athena.model.Column;
import software.amazon.awssdk.services.athena.model.ListTableMetadataRequest;
import software.amazon.awssdk.services.athena.model.MetadataException;
import software.amazon.awssdk.services.athena.model.TableMetadata;

/**
 * The catalog of an Athena data catalog, read through {@code ListTableMetadata} (paginated) with
 * columns, comments and partition keys. Each database is kept for the refresh interval; after that the
 * next reader starts a refresh in the background and keeps reading the old tables until it lands, so a
 * refresh never blocks readers. The catalog and default database come from the live configuration.
 */
public final class AthenaCatalog implements Catalog {

    private static final Logger logger = LoggerFactory.getLogger(AthenaCatalog.class);

    private final AthenaAsyncClient athena;

    private final Supplier<ChatbotConfig.Athena> config;

    private final Duration refreshInterval;

    private final Clock clock;

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    public AthenaCatalog(AthenaAsyncClient athena, Supplier<ChatbotConfig.Athena> config, Duration refreshInterval,
            Clock clock) {
        this.athena = athena;
        this.config = config;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    @Override
    public String defaultDatabase() {
        return this.config.get().database();
    }

    @Override
    public List<String> databases() {
        List<String> names = new ArrayList<>();
        this.athena.listDatabasesPaginator((request) -> request.catalogName(this.config.get().catalog()))
                .databaseList().subscribe((database) -> names.add(database.name())).join();
        names.sort(Comparator.naturalOrder());
        return List.copyOf(names);
    }

    @Override
    public List<TableInfo> tables(String database) {
        String catalogName = this.config.get().catalog();
        String key = catalogName + "/" + database;
        Snapshot snapshot = this.snapshots.computeIfAbsent(key, (ignored) -> firstLoad(catalogName, database));
        if (snapshot.staleAt(this.clock.instant(), this.refreshInterval) && snapshot.refreshing.compareAndSet(false, true)) {
            load(catalogName, database).whenComplete((fresh, failure) -> {
                if (failure != null) {
                    snapshot.refreshing.set(false);
                    logger.warn("Refreshing the Athena catalog {} failed; the tables read at {} stay in use: {}", key,
                            snapshot.loadedAt, failure.getMessage());
                }
                else {
                    this.snapshots.put(key, fresh);
                }
            });
        }
        return snapshot.tables;
    }

    /** The first read of a database has nothing older to serve, so it waits; its failure is the caller's. */
    private Snapshot firstLoad(String catalogName, String database) {
        try {
            return load(catalogName, database).join();
        }
        catch (CompletionException ex) {
            throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
        }
    }

    private CompletableFuture<Snapshot> load(String catalogName, String database) {
        List<TableInfo> tables = new ArrayList<>();
        ListTableMetadataRequest request = ListTableMetadataRequest.builder().catalogName(catalogName)
                .databaseName(database).build();
        return this.athena.listTableMetadataPaginator(request).tableMetadataList()
                .subscribe((table) -> tables.add(table(database, table)))
                .handle((done, failure) -> {
                    Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
                    if (cause instanceof MetadataException) {
                        // Athena's answer for a database the catalog does not have.
                        return new Snapshot(List.of(), this.clock.instant());
                    }
                    if (cause != null) {
                        throw new IllegalStateException("Cannot read the Athena catalog " + catalogName + "/" + database
                                + ": " + cause.getMessage(), cause);
                    }
                    tables.sort(Comparator.comparing(TableInfo::name));
                    return new Snapshot(List.copyOf(tables), this.clock.instant());
                });
    }

    static TableInfo table(String database, TableMetadata table) {
        List<ColumnInfo> columns = new ArrayList<>();
        table.columns().forEach((column) -> columns.add(column(column, false)));
        table.partitionKeys().forEach((column) -> columns.add(column(column, true)));
        Map<String, String> parameters = table.parameters();
        return new TableInfo(database, table.name(), parameters.get("comment"), columns, estimatedRows(parameters));
    }

    private static ColumnInfo column(Column column, boolean partitionKey) {
        return new ColumnInfo(column.name(), column.type(), column.comment(), partitionKey);
    }

    /** Glue crawlers record the row count under one of these names; tables created by DDL have none. */
    private static Long estimatedRows(Map<String, String> parameters) {
        for (String name : List.of("recordCount", "numRows")) {
            try {
                if (parameters.containsKey(name)) {
                    return Long.parseLong(parameters.get(name).strip());
                }
            }
            catch (NumberFormatException ex) {
                // Not a count after all; try the next name.
            }
        }
        return null;
    }

    private static final class Snapshot {

        private final List<TableInfo> tables;

        private final Instant loadedAt;

        private final AtomicBoolean refreshing = new AtomicBoolean();

        Snapshot(List<TableInfo> tables, Instant loadedAt) {
            this.tables = tables;
            this.loadedAt = loadedAt;
        }

        boolean staleAt(Instant now, Duration refreshInterval) {
            return now.isAfter(this.loadedAt.plus(refreshInterval));
        }
    }
}
