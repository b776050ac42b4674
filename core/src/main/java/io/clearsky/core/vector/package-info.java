/**
 * Schema documents and the vector indexes that find them: in memory locally, pgvector in production.
 */
package io.clearsky.core.vector;
