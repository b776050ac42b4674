/**
 * The offline reader over a semantic model: a question is read into metrics, group-bys, a time grain,
 * filters, an order and a limit, each word resolved to an object of the model or a known function word,
 * then compiled to SQL that runs on DuckDB and Athena alike.
 */
package io.clearsky.worker.generation.offline;
