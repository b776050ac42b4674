/**
 * Building blocks shared by the gateway and the worker: topic settings, the data lake, its catalog and
 * the SQL guard.
 */
package io.clearsky.core;
