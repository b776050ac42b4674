package io.clearsky.core.lake;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the local DuckDB lake lives. When no path is set, no local lake is configured.
 *
 * @param duckdbPath the DuckDB database file, opened read-only
 * @param database the schema queries run against by default
 */
@ConfigurationProperties("clearsky.lake")
public record LakeProperties(Path duckdbPath, String database) {

    public LakeProperties {
        database = (database != null) ? database : "main";
    }
}
