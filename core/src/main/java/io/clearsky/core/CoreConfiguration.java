package io.clearsky.core;

import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.catalog.AthenaCatalog;
import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.DuckDbCatalog;
import io.clearsky.core.config.ConfigConfiguration;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.guard.GuardProperties;
import io.clearsky.core.guard.SqlGuard;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.core.lake.LakeProperties;
import io.clearsky.core.policy.DataPolicies;
import io.clearsky.core.policy.DataPolicyProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.athena.AthenaAsyncClient;
import java.time.Clock;

/**
 * The lake, its catalog, the guard and the data access policies: Athena's catalog with {@code clearsky.lake.engine=athena}, else
 * the local DuckDB lake when one is configured ({@code clearsky.lake.duckdb-path}).
 */
@AutoConfiguration(after = ConfigConfiguration.class)
@EnableConfigurationProperties({ LakeProperties.class, GuardProperties.class, DataPolicyProperties.class })
public class CoreConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty("clearsky.lake.duckdb-path")
    DuckDbLake duckDbLake(LakeProperties properties) {
        return DuckDbLake.open(properties.duckdbPath(), properties.database());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "clearsky.lake.engine", havingValue = "athena")
    AthenaAsyncClient athenaClient(AwsClients aws) {
        return aws.athena();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "clearsky.lake.engine", havingValue = "athena")
    Catalog athenaCatalog(AthenaAsyncClient athena, LiveConfig config, LakeProperties properties) {
        return new AthenaCatalog(athena, () -> config.get().chatbot().athena(), properties.catalogRefresh(),
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DuckDbLake.class)
    Catalog duckDbCatalog(DuckDbLake lake) {
        return new DuckDbCatalog(lake);
    }

    @Bean
    @ConditionalOnMissingBean
    DataPolicies dataPolicies(DataPolicyProperties properties) {
        return new DataPolicies(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Catalog.class)
    SqlGuard sqlGuard(Catalog catalog, GuardProperties properties) {
        return new SqlGuard(catalog, properties);
    }
}
