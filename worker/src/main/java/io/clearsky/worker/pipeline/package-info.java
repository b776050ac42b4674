/**
 * Runs one question through retrieval, generation, guard, execution and result shaping, emitting a
 * status event per step and exactly one terminal outcome.
 */
package io.clearsky.worker.pipeline;
