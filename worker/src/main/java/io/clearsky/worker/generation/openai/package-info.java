/**
 * SQL written by any OpenAI-compatible chat endpoint (Ollama, vLLM, LM Studio, OpenAI) through the
 * official openai-java client, with the same prompt and answer tools as Bedrock.
 */
package io.clearsky.worker.generation.openai;
