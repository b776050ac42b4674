package io.clearsky.local;

import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.config.Secrets;
import io.clearsky.core.config.sync.ConfigSyncConfiguration;
import io.clearsky.core.embedding.Embeddings;
import io.clearsky.core.kafka.TopicConfiguration;
import io.clearsky.core.vector.PgVectorIndex;
import io.clearsky.core.vector.RetrievalProperties;
import io.clearsky.core.vector.SchemaIndexer;
import io.clearsky.core.vector.SchemaIndexes;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bin/clearsky index [--database NAME ...] [--lake FILE] [--spring.property=value ...]}: writes one
 * document per table (name, comment, columns with types) and per group of documented columns into the
 * pgvector store {@code vector_store_config.json} names, embedding only documents whose text the store
 * does not hold yet. The catalog, configuration and AWS settings are the worker's: Athena's catalog with
 * {@code CLEARSKY_LAKE_ENGINE=athena}, else the DuckDB lake.
 */
public final class IndexCommand {

    private static final String USAGE = "usage: bin/clearsky index [--database NAME ...] [--lake FILE] [--property=value ...]";

    private IndexCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> databases = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        Path lake = Path.of(System.getenv().getOrDefault("CLEARSKY_DATA_DIR", "data"), "lake", "demo.duckdb");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--database" -> databases.add(value(args, ++i));
                    case "--lake" -> lake = Path.of(value(args, ++i));
                    default -> {
                        if (!args[i].startsWith("--") || !args[i].contains("=")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        springArgs.add(args[i]);
                    }
                }
            }
        }
        catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (Files.exists(lake)) {
            springArgs.add("--clearsky.lake.duckdb-path=" + lake.toAbsolutePath());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IndexApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(springArgs.toArray(String[]::new))) {
            LiveConfig config = context.getBean(LiveConfig.class);
            RetrievalProperties retrieval = context.getBean(RetrievalProperties.class);
            Catalog catalog = context.getBeanProvider(Catalog.class).getIfAvailable();
            if (catalog == null) {
                err.println("Cannot index: no catalog. There is no DuckDB lake at " + lake.toAbsolutePath()
                        + " (start bin/clearsky once, or pass --lake FILE), and CLEARSKY_LAKE_ENGINE is not athena.");
                return 1;
            }
            Embeddings embeddings = SchemaIndexes.embeddings(retrieval, config.get(), context.getBean(AwsClients.class));
            try (PgVectorIndex store = SchemaIndexes.store(config.get(), embeddings, retrieval)) {
                SchemaIndexer indexer = new SchemaIndexer(embeddings, store);
                out.printf("Indexing into %s (%s layout) with %s embeddings%n", store.table(), store.layout(),
                        embeddings.model());
                for (String database : databases.isEmpty() ? List.of(catalog.defaultDatabase()) : databases) {
                    List<TableInfo> tables = catalog.tables(database);
                    int written = indexer.index(tables);
                    out.printf("  %-24s %4d tables, %4d documents written (the rest unchanged)%n", database,
                            tables.size(), written);
                }
            }
            return 0;
        }
        catch (RuntimeException ex) {
            err.println("Cannot index: " + Secrets.redactedFirstLine(rootMessage(ex)));
            return 1;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        return (cause.getMessage() != null) ? cause.getMessage() : cause.toString();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** The configuration, AWS and catalog beans of the product, without Kafka. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = { KafkaAutoConfiguration.class, TopicConfiguration.class,
            ConfigSyncConfiguration.class })
    @EnableConfigurationProperties(RetrievalProperties.class)
    static class IndexApplication {
    }
}
