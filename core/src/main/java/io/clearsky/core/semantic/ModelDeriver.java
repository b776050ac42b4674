package io.clearsky.core.semantic;

import io.clearsky.core.catalog.TableInfo;
import java.util.List;

/**
 * Derives a database's semantic model from its catalog: the base an authored model refines.
 */
@FunctionalInterface
public interface ModelDeriver {

    /**
     * @param database the database
     * @param tables its tables as the catalog lists them
     */
    SemanticModel derive(String database, List<TableInfo> tables);
}
