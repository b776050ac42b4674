/**
 * What the worker knows about queries already run, so a redelivered question is not run twice.
 */
package io.clearsky.worker.ledger;
