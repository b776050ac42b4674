/**
 * Ends a query that stopped making progress: each pipeline stage has a deadline for its next step, and a
 * query silent for longer than its stage's deadline ends TIMED_OUT naming that stage.
 */
package io.clearsky.worker.watchdog;
