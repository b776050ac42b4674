/**
 * What the lake holds: databases, tables, columns, types and comments, as generation and the guard see it.
 */
package io.clearsky.core.catalog;
