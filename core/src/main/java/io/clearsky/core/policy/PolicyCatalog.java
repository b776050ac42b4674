package io.clearsky.core.policy;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.TableInfo;
import java.util.List;
import java.util.Optional;

/**
 * A catalog narrowed to what one principal may read; everything else reads as absent.
 */
final class PolicyCatalog implements Catalog {

    private final Catalog catalog;

    private final DataAccess access;

    PolicyCatalog(Catalog catalog, DataAccess access) {
        this.catalog = catalog;
        this.access = access;
    }

    @Override
    public String defaultDatabase() {
        return this.catalog.defaultDatabase();
    }

    @Override
    public List<String> databases() {
        return this.access.databases(this.catalog.databases());
    }

    @Override
    public List<TableInfo> tables(String database) {
        return this.access.allowsDatabase(database) ? this.access.filter(this.catalog.tables(database)) : List.of();
    }

    @Override
    public Optional<TableInfo> table(String database, String tableName) {
        return this.access.allowsDatabase(database)
                ? this.catalog.table(database, tableName).flatMap(this.access::visible) : Optional.empty();
    }
}
