/**
 * The semantic model of a data source: the entities, relationships, dimensions, metrics, segments,
 * verified questions and business rules that give the catalog's tables their business meaning. The
 * offline reader answers from it and the model prompts render it.
 */
package io.clearsky.core.semantic;
