/**
 * Requests to stop queries: read from the control topic by every worker, applied by the one that runs
 * the query, remembered by the others in case the question reaches them later.
 */
package io.clearsky.worker.control;
