package io.clearsky.core.vector;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same contract against the pgvector Docker image, where a Docker engine exists; skipped otherwise.
 */
@Testcontainers(disabledWithoutDocker = true)
class PgVectorContainerIT extends PgVectorIndexContract {

    @Container
    private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer(
            DockerImageName.parse("pgvector/pgvector:pg17").asCompatibleSubstituteFor("postgres"));

    @Override
    String connectionString() {
        return "postgresql+psycopg://" + POSTGRES.getUsername() + ":" + POSTGRES.getPassword() + "@" + POSTGRES.getHost()
                + ":" + POSTGRES.getMappedPort(5432) + "/" + POSTGRES.getDatabaseName();
    }
}
