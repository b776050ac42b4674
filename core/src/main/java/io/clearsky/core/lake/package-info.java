/**
 * The local data lake: a DuckDB database file opened read-only for queries and catalog reads.
 */
package io.clearsky.core.lake;
