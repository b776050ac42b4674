package io.clearsky.core.lake;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which engine answers queries, and where the local DuckDB lake lives.
 *
 * @param engine {@code duckdb} (the local lake) or {@code athena} (the configured Athena workgroup,
 * catalog and database)
 * @param duckdbPath the DuckDB database file, opened read-only; without it, and with the duckdb engine,
 * no lake is configured
 * @param database the DuckDB schema queries run against by default (Athena's comes from
 * {@code chatbot_config.json})
 * @param catalogRefresh how long table metadata read from Athena is used before it is read again in the
 * background
 * @param resultsDir where full large results are written when no results bucket is configured
 */
@ConfigurationProperties("clearsky.lake")
public record LakeProperties(Engine engine, Path duckdbPath, String database, Duration catalogRefresh,
        Path resultsDir) {

    public LakeProperties {
        engine = (engine != null) ? engine : Engine.DUCKDB;
        database = (database != null) ? database : "main";
        catalogRefresh = (catalogRefresh != null) ? catalogRefresh : Duration.ofMinutes(10);
        resultsDir = (resultsDir != null) ? resultsDir
                : Path.of(System.getProperty("java.io.tmpdir"), "clearsky-results");
    }

    /** The engines ClearSky runs queries on. */
    public enum Engine {
        DUCKDB, ATHENA
    }
}
