/**
 * Data access policies: which databases, tables and columns each group may read, evaluated for a
 * principal's groups by the guard, the worker's retrieval and the gateway's schema endpoints.
 */
package io.clearsky.core.policy;
