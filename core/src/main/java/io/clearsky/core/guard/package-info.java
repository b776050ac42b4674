/**
 * Proves a generated query safe before it runs: one read-only statement over known tables.
 */
package io.clearsky.core.guard;
