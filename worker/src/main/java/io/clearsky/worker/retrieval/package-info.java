/**
 * Finding the tables a question is about.
 */
package io.clearsky.worker.retrieval;
