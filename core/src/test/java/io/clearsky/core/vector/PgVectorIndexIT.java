package io.clearsky.core.vector;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The pgvector index against PGlite (PostgreSQL 18 + pgvector in WebAssembly) on a loopback port: runs
 * everywhere, no Docker needed.
 */
class PgVectorIndexIT extends PgVectorIndexContract {

    private static PgliteServer pglite;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(PgliteServer.available() || System.getenv("CI") != null,
                "PGlite is not installed: npm ci in core/src/test/js/pglite");
        pglite = PgliteServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pglite != null) {
            pglite.close();
        }
    }

    @Override
    String connectionString() {
        return pglite.connectionString();
    }
}
