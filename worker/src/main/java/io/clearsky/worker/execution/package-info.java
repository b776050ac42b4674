/**
 * Running guarded SQL on a query engine and reading typed results.
 */
package io.clearsky.worker.execution;
