/**
 * Read-only views of the lake's schema.
 */
package io.clearsky.gateway.schema;
