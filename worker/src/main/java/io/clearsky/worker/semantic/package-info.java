/**
 * The worker's part of the semantic model: verified questions promoted from answers, followed from their
 * compacted topic and added to the model in effect.
 */
package io.clearsky.worker.semantic;
