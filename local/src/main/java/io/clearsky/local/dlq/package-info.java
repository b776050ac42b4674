/**
 * Reads the questions' dead-letter topic and sends chosen records back to where they came from
 * ({@code bin/clearsky dlq list|replay}).
 */
package io.clearsky.local.dlq;
