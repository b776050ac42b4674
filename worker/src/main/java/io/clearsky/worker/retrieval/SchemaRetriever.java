package io.clearsky.worker.retrieval;

import io.clearsky.core.policy.DataAccess;

/**
 * Finds the tables a question is about.
 */
public interface SchemaRetriever {

    /** The relevant tables of {@code database} for {@code question}, most relevant first. */
    SchemaContext retrieve(String question, String database);

    /**
     * The relevant tables of {@code database} for {@code question} that a principal with {@code access} may
     * read, each without the columns it may not read, most relevant first. Implementations that can should
     * rank only readable tables, so that the best of them fill the places a denied table would take.
     */
    default SchemaContext retrieve(String question, String database, DataAccess access) {
        SchemaContext all = retrieve(question, database);
        return access.isUnrestricted() ? all : new SchemaContext(database, access.filter(all.tables()));
    }
}
