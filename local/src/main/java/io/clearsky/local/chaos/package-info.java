/**
 * {@code bin/clearsky chaos}: a bounded fault-injection run over a broker, two gateways and two workers
 * in separate processes on loopback, checking that every question ends exactly once.
 */
package io.clearsky.local.chaos;
