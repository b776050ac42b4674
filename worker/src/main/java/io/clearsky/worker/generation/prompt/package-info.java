/**
 * What every model-backed generator sends and accepts: the prompt (dialect rules, schema context, the
 * session so far, earlier failed SQL) and the two answer tools whose input is the structured reply.
 */
package io.clearsky.worker.generation.prompt;
