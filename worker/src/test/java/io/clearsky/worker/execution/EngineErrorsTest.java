package io.clearsky.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.worker.execution.EngineException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Error messages as Athena and DuckDB really phrase them, and the kind each one is.
 */
class EngineErrorsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UNKNOWN_COLUMN | COLUMN_NOT_FOUND: line 1:8: Column 'nme' cannot be resolved or requester is not authorized to access requested resources
            UNKNOWN_COLUMN | Binder Error: Referenced column "nme" not found in FROM clause!
            UNKNOWN_TABLE  | TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sales.ordrs' does not exist
            UNKNOWN_TABLE  | SCHEMA_NOT_FOUND: line 1:15: Schema 'salez' does not exist
            UNKNOWN_TABLE  | Catalog Error: Table with name ordrs does not exist!
            SYNTAX         | SYNTAX_ERROR: line 1:1: mismatched input 'SELEC'. Expecting: 'ALTER', 'ANALYZE', 'CALL'
            SYNTAX         | Parser Error: syntax error at or near "FORM"
            PERMISSION     | Access denied when writing output to url: s3://results/out/abc.csv
            PERMISSION     | Insufficient Lake Formation permission(s) on orders
            RESOURCE_LIMIT | Query exhausted resources at this scale factor
            RESOURCE_LIMIT | EXCEEDED_MEMORY_LIMIT: Query exceeded per-node memory limit of 20GB
            INVALID_QUERY  | TYPE_MISMATCH: line 1:33: Cannot apply operator: varchar = integer
            INVALID_QUERY  | line 1:8: 'status' must be an aggregate expression or appear in GROUP BY clause
            INVALID_QUERY  | Binder Error: column "status" must appear in the GROUP BY clause or must be part of an aggregate function.
            CANCELLED      | INTERRUPT Error: Interrupted!
            OTHER          | Something nobody has seen before
            """)
    void classifiesEngineMessages(Kind kind, String message) {
        assertThat(EngineErrors.classify(message)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({ "SYNTAX, true, false", "UNKNOWN_COLUMN, true, false", "THROTTLED, false, true",
            "PERMISSION, false, false", "TIMED_OUT, false, true" })
    void kindsSayWhetherToCorrectOrRetry(Kind kind, boolean correctable, boolean retryable) {
        EngineException ex = new EngineException(kind, "message", null);

        assertThat(ex.correctable()).isEqualTo(correctable);
        assertThat(ex.retryable()).isEqualTo(retryable);
    }
}
