/**
 * Text embeddings for schema retrieval: all-MiniLM-L6-v2 in process (no download, no network) or
 * Amazon Titan Text Embeddings v2 on Bedrock, both normalized, cached by content.
 */
package io.clearsky.core.embedding;
