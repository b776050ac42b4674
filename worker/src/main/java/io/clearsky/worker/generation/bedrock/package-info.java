/**
 * SQL written by Claude on Amazon Bedrock through the Converse API, with the answer tools as structured
 * output.
 */
package io.clearsky.worker.generation.bedrock;
