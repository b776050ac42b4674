/**
 * Turning a question and its schema context into SQL, or an honest refusal.
 */
package io.clearsky.worker.generation;
