package io.clearsky.worker.retrieval;

/**
 * Finds the tables a question is about.
 */
public interface SchemaRetriever {

    /** The relevant tables of {@code database} for {@code question}, most relevant first. */
    SchemaContext retrieve(String question, String database);
}
