/**
 * Worker settings and bean wiring.
 */
package io.clearsky.worker.config;
