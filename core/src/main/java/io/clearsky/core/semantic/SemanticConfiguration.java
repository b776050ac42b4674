package io.clearsky.core.semantic;

import io.clearsky.core.CoreConfiguration;
import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.config.ConfigConfiguration;
import io.clearsky.core.config.ConfigException;
import io.clearsky.core.config.ConfigLoader;
import io.clearsky.core.config.ConfigProblem;
import io.clearsky.core.config.LiveConfig;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The semantic models in effect, where a catalog exists. The authored models loaded at start-up are
 * checked against the catalog at once (an invalid one stops start-up with one line, as invalid configuration
 * does), and every later load, reloads included, runs the same check, so a reload with an invalid model is
 * refused and the last good models stay. The base model of every database is derived from the catalog
 * ({@link ModelDerivation}, or a {@link ModelDeriver} bean that replaces it) and an authored model is laid
 * over it, so a database nobody has described still has entities, keys and metrics.
 */
@AutoConfiguration(after = { ConfigConfiguration.class, CoreConfiguration.class })
@ConditionalOnBean({ Catalog.class, LiveConfig.class, ConfigLoader.class })
public class SemanticConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SemanticModels semanticModels(Catalog catalog, LiveConfig live, ConfigLoader loader,
            ObjectProvider<ModelDeriver> deriver) {
        SemanticModels models = new SemanticModels(catalog, live, deriver.getIfAvailable(() -> ModelDerivation::derive));
        List<ConfigProblem> problems = models.check(live.get());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        loader.addCheck(models::check);
        return models;
    }
}
