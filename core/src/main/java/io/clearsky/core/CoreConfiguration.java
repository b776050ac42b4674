package io.clearsky.core;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.DuckDbCatalog;
import io.clearsky.core.guard.GuardProperties;
import io.clearsky.core.guard.SqlGuard;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.core.lake.LakeProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The lake, its catalog and the guard, when a local DuckDB lake is configured
 * ({@code clearsky.lake.duckdb-path}).
 */
@AutoConfiguration
@EnableConfigurationProperties({ LakeProperties.class, GuardProperties.class })
public class CoreConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty("clearsky.lake.duckdb-path")
    DuckDbLake duckDbLake(LakeProperties properties) {
        return DuckDbLake.open(properties.duckdbPath(), properties.database());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DuckDbLake.class)
    Catalog duckDbCatalog(DuckDbLake lake) {
        return new DuckDbCatalog(lake);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Catalog.class)
    SqlGuard sqlGuard(Catalog catalog, GuardProperties properties) {
        return new SqlGuard(catalog, properties);
    }
}
