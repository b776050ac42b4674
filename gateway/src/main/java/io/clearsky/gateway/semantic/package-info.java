/**
 * Read-only HTTP views of the semantic models in effect: which databases have one, and each model with the
 * parts its author wrote told apart from the parts derived from the catalog.
 */
package io.clearsky.gateway.semantic;
