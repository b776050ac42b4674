/**
 * The HTTP API: asking questions, following their progress, reading history, and RFC 9457 problem
 * details for everything that goes wrong.
 */
package io.clearsky.gateway.api;
