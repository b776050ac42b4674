package io.clearsky.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clearsky.core.catalog.DuckDbCatalog;
import io.clearsky.core.lake.DuckDbLake;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every verified gold query of the evaluation set passes the guard against its database's catalog, and
 * the SQL the guard hands on returns the same rows as the gold query. Skipped when the set is absent.
 */
class GoldQueriesAcceptedTest {

    @Test
    void everyGoldQueryIsAcceptedAndKeepsItsResult() throws Exception {
        assumeTrue(GoldQueries.present(), "evaluation set not present");
        Map<String, List<String>> sqlByDatabase = GoldQueries.byDatabase();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> database : sqlByDatabase.entrySet()) {
            try (DuckDbLake lake = DuckDbLake.load(GoldQueries.database(database.getKey()));
                    Connection connection = lake.connect()) {
                SqlGuard guard = new SqlGuard(new DuckDbCatalog(lake), GuardProperties.defaults());
                for (String sql : database.getValue()) {
                    checked++;
                    GuardVerdict verdict = guard.check(sql, "main");
                    if (verdict instanceof GuardVerdict.Rejected rejected) {
                        failures.add(database.getKey() + ": " + rejected + " :: " + sql);
                    }
                    else if (!sameText(sql, ((GuardVerdict.Accepted) verdict).sql())
                            && !rows(connection, sql).equals(rows(connection, ((GuardVerdict.Accepted) verdict).sql()))) {
                        failures.add(database.getKey() + ": different rows after normalizing :: " + sql);
                    }
                }
            }
        }
        System.out.printf("Guard accepted %d of %d gold queries%n", checked - failures.size(), checked);
        assertThat(failures).isEmpty();
    }

    /** Same text but for spacing and case: nothing to compare, and ties under a LIMIT cannot make it look different. */
    private static boolean sameText(String a, String b) {
        return a.replaceAll("\\s+", " ").strip().equalsIgnoreCase(b.replaceAll("\\s+", " ").strip());
    }

    /** The rows as a sorted list: the same rows in any order are the same result. */
    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet results = statement.executeQuery(sql)) {
            int columns = results.getMetaData().getColumnCount();
            while (results.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(results.getObject(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }
}
